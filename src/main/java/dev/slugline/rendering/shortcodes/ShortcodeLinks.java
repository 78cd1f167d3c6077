package dev.slugline.rendering.shortcodes;

import dev.slugline.common.config.SluglineConfig;
import dev.slugline.common.text.Slugs;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/** Builds a page's {@link ShortcodeContext}: {@code ref}/{@code relref} resolved to {@code slugline.site.post-path}. */
@ApplicationScoped
public class ShortcodeLinks {

    private final SluglineConfig config;

    public ShortcodeLinks(SluglineConfig config) {
        this.config = config;
    }

    /**
     * The context of one page. {@code slugs} maps a {@code ref} target to the slug of the post it names (empty
     * when it knows none); targets it does not know fall back to the slug of their file name.
     */
    public ShortcodeContext context(Map<String, Object> params, Function<String, Optional<String>> slugs,
                                    UnaryOperator<String> imageUrls, Consumer<String> warnings) {
        String postPath = config.site().postPath();
        Function<String, Optional<String>> refs = target -> slugs.apply(target)
                .or(() -> {
                    String guessed = slugOf(target);
                    if (!guessed.isEmpty()) {
                        warnings.accept("shortcode ref '" + target + "': no post of this archive, linked to slug '" + guessed + "'");
                    }
                    return guessed.isEmpty() ? Optional.empty() : Optional.of(guessed);
                })
                .map(slug -> path(postPath, slug));
        String site = config.site().url();
        return new ShortcodeContext(params == null ? Map.of() : params, refs,
                site.endsWith("/") ? site.substring(0, site.length() - 1) : site, imageUrls, warnings);
    }

    /** {@code postPath} with its {@code {slug}} replaced. */
    public static String path(String postPath, String slug) {
        return postPath.replace("{slug}", slug);
    }

    /**
     * The slug a target names by its file or folder name: {@code posts/foo.md}, {@code /posts/foo/},
     * {@code foo/index.md} and {@code foo} all name {@code foo}; empty when nothing sluggable is left.
     */
    public static String slugOf(String target) {
        String path = stripAnchor(target).replace('\\', '/');
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (lower.equals("index.md") || lower.equals("_index.md") || lower.equals("index.markdown")
                || lower.equals("index.html") || lower.equals("index")) {
            String folder = path.substring(0, Math.max(0, path.lastIndexOf('/')));
            name = folder.substring(folder.lastIndexOf('/') + 1);
        } else {
            for (String ext : new String[]{".md", ".markdown", ".html", ".htm"}) {
                if (lower.endsWith(ext)) {
                    name = name.substring(0, name.length() - ext.length());
                    break;
                }
            }
        }
        String base = name;
        return Slugs.normalizeGiven(base).orElseGet(() -> Slugs.fromText(base));
    }

    /** The target without its {@code #anchor}. */
    public static String stripAnchor(String target) {
        int hash = target.indexOf('#');
        return hash < 0 ? target : target.substring(0, hash);
    }

    /** The {@code #anchor} of a target, "" when none. */
    public static String anchor(String target) {
        int hash = target.indexOf('#');
        return hash < 0 ? "" : target.substring(hash);
    }
}
