package dev.slugline.importing;

import dev.slugline.posts.FormerPaths;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Links in an imported post that lead to another post of the same old site, pointed at that post's new path
 * ({@code slugline.site.post-path}), as images are pointed at stored media: absolute links on the site's
 * {@code baseURL} host, root-relative links matching a post's permalink, {@code url} or alias, links relative to
 * the post's own permalink, and relative links to another post's Markdown file. Any other link stays as written.
 *
 * @param slugByPath   former paths (normalised) of the posts known to this import, to their final slugs
 * @param slugBySource archive paths of the post files of this import, to their final slugs
 * @param postPath     {@code slugline.site.post-path}, {@code {slug}} standing for the slug
 */
record OldSiteLinks(HugoSite site, Map<String, String> slugByPath, Map<String, String> slugBySource, String postPath) {

    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
    private static final Pattern QUERY_OR_FRAGMENT = Pattern.compile("[?#].*$");

    /** The new URL of {@code destination}, written in the file at {@code source} whose post was at {@code formerPaths}; null to keep it. */
    String rewrite(String source, List<String> formerPaths, String destination) {
        if (destination == null || destination.isBlank() || destination.startsWith("#") || slugByPath.isEmpty() && slugBySource.isEmpty()) {
            return null;
        }
        int hash = destination.indexOf('#');
        String fragment = hash < 0 ? "" : destination.substring(hash);
        String slug = site.linkedPath(destination).map(slugByPath::get).orElse(null);
        if (slug == null && !destination.startsWith("/") && !SCHEME.matcher(destination).find()) {
            String bare = QUERY_OR_FRAGMENT.matcher(destination).replaceFirst("").toLowerCase(Locale.ROOT);
            if (ImportPaths.isMarkdown(bare)) {
                slug = ImportPaths.resolve(source, destination).map(slugBySource::get).orElse(null);
            } else if (!formerPaths.isEmpty() && !bare.isEmpty()) {
                // relative to the post's own pretty URL, a folder (/2020/01/this-post/ + ../other-post/)
                slug = relative(formerPaths.get(0), destination).map(slugByPath::get).orElse(null);
            }
        }
        return slug == null ? null : postPath.replace("{slug}", slug) + fragment;
    }

    private static Optional<String> relative(String base, String reference) {
        try {
            return FormerPaths.normalize(java.net.URI.create(base + "/").resolve(reference).getPath());
        } catch (IllegalArgumentException notAUri) {
            return Optional.empty();
        }
    }
}
