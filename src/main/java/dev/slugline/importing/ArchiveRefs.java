package dev.slugline.importing;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The posts of one archive by the names a Hugo {@code ref}/{@code relref} may give them: the file's path with or
 * without {@code content/} and its extension ({@code posts/foo.md}, {@code /posts/foo}), a bundle's folder
 * ({@code posts/foo/index.md}, {@code foo}), or the slug. A name two posts share resolves to neither.
 */
final class ArchiveRefs {

    private final Map<String, String> slugs = new HashMap<>();
    private final Set<String> ambiguous = new HashSet<>();
    private final Set<String> allSlugs = new HashSet<>();

    /** Registers the post read from {@code path} under {@code slug}. */
    void add(String path, String slug) {
        allSlugs.add(slug);
        String key = normalize(path);
        while (true) {
            String known = slugs.putIfAbsent(key, slug);
            if (known != null && !known.equals(slug)) {
                ambiguous.add(key);
            }
            int slash = key.indexOf('/');
            if (slash < 0) {
                break;
            }
            key = key.substring(slash + 1);
        }
    }

    /** The slug of the post {@code target} names. */
    Optional<String> slug(String target) {
        String key = normalize(target);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        if (slugs.containsKey(key) && !ambiguous.contains(key)) {
            return Optional.of(slugs.get(key));
        }
        return allSlugs.contains(key) ? Optional.of(key) : Optional.empty();
    }

    /** Lower case, no leading or trailing slash, no extension, a bundle's {@code index} dropped. */
    private static String normalize(String path) {
        String key = path.strip().replace('\\', '/').toLowerCase(Locale.ROOT);
        while (key.startsWith("/") || key.startsWith("./")) {
            key = key.substring(key.startsWith("/") ? 1 : 2);
        }
        while (key.endsWith("/")) {
            key = key.substring(0, key.length() - 1);
        }
        for (String ext : new String[]{".md", ".markdown", ".html", ".htm"}) {
            if (key.endsWith(ext)) {
                key = key.substring(0, key.length() - ext.length());
                break;
            }
        }
        for (String index : new String[]{"/index", "/_index"}) {
            if (key.endsWith(index)) {
                key = key.substring(0, key.length() - index.length());
            }
        }
        return key;
    }
}
