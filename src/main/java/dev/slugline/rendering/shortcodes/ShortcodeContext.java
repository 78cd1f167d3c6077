package dev.slugline.rendering.shortcodes;

import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * What shortcodes may read from the page they are on.
 *
 * @param params    the page's front matter ({@code param} reads it; dotted keys walk nested maps)
 * @param refs      a {@code ref}/{@code relref} target ({@code posts/foo.md}, {@code foo}, {@code /posts/foo}) to
 *                  the public path of that post, empty when unknown
 * @param siteUrl   the site's public address, prefixed to {@code ref} (absolute) links
 * @param imageUrls rewrites an image source (relative bundle images to stored media); null when it keeps it
 * @param warnings  receives what a reader of the import report should know (an unknown shortcode)
 */
public record ShortcodeContext(Map<String, Object> params, Function<String, Optional<String>> refs, String siteUrl,
                               UnaryOperator<String> imageUrls, Consumer<String> warnings) {

    /** No page: no params, refs resolved from the target's file name to {@code /posts/{slug}}, warnings dropped. */
    public static final ShortcodeContext NONE = new ShortcodeContext(Map.of(),
            target -> Optional.of(ShortcodeLinks.path("/posts/{slug}", ShortcodeLinks.slugOf(target))), "",
            url -> url, warning -> { });

    public ShortcodeContext withImageUrls(UnaryOperator<String> imageUrls) {
        return new ShortcodeContext(params, refs, siteUrl, imageUrls, warnings);
    }
}
