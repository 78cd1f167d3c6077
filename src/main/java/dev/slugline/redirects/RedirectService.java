package dev.slugline.redirects;

import dev.slugline.common.config.SluglineConfig;
import dev.slugline.common.errors.InvalidInputException;
import dev.slugline.common.errors.NoSuchItemException;
import dev.slugline.posts.FormerPaths;
import dev.slugline.posts.PostPaths;
import dev.slugline.posts.PostSummary;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/**
 * Issue 13, item 6: any path a reader may arrive with (an imported post's old permalink, {@code url} or alias,
 * with or without host, trailing slash or percent-encoding; or a path of this site, {@code slugline.site.post-path},
 * under a current or former slug) answered with the public post it is now. Drafts and scheduled posts are never
 * named.
 */
@ApplicationScoped
public class RedirectService {

    private final PostPaths posts;
    private final SluglineConfig config;

    public RedirectService(PostPaths posts, SluglineConfig config) {
        this.posts = posts;
        this.config = config;
    }

    public RedirectView resolve(String path) {
        if (path == null || path.isBlank()) {
            throw new InvalidInputException("path", "is required: an old path or URL, such as /2020/02/10/my-post/");
        }
        String normal = FormerPaths.normalize(path).orElseThrow(() -> new InvalidInputException("path",
                "is not a site path: no '..' segment, backslash, control character or scheme other than http(s), at most "
                        + FormerPaths.MAX_LENGTH + " characters"));
        String slug = posts.publicSlugAtFormerPath(normal).or(() -> currentPathSlug(normal)).flatMap(posts::publicSlugOf)
                .orElseThrow(() -> new NoSuchItemException("No published post was or is at '" + normal + "'"));
        PostSummary post = posts.publicSummary(slug)
                .orElseThrow(() -> new NoSuchItemException("No published post was or is at '" + normal + "'"));
        return new RedirectView(normal, slug, config.site().postPath().replace("{slug}", slug), "/api/posts/" + slug, post);
    }

    /** The slug in a path of this site's own form ({@code /posts/{slug}}), if it has that form. */
    private Optional<String> currentPathSlug(String normal) {
        String pattern = config.site().postPath();
        int marker = pattern.indexOf("{slug}");
        if (marker < 0) {
            return Optional.empty();
        }
        String prefix = FormerPaths.normalize(pattern.substring(0, marker)).orElse("/");
        prefix = prefix.endsWith("/") ? prefix : prefix + "/";
        String suffix = FormerPaths.normalize("/" + pattern.substring(marker + "{slug}".length())).orElse("/");
        suffix = suffix.equals("/") ? "" : suffix;
        if (!normal.startsWith(prefix) || !normal.endsWith(suffix) || normal.length() <= prefix.length() + suffix.length()) {
            return Optional.empty();
        }
        String slug = normal.substring(prefix.length(), normal.length() - suffix.length());
        return slug.contains("/") ? Optional.empty() : Optional.of(slug);
    }
}
