package dev.slugline.authors;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The authors a post's front matter names, in order: {@code authors} (Hugo) or else {@code author} (Jekyll, many Hugo
 * themes), each a name, a list of names, or mappings with a {@code name} (Jekyll's {@code author: {name: …}}).
 */
public final class AuthorNames {

    /** The front matter keys that name a post's authors; they are the post's authors, not other front matter. */
    public static final List<String> KEYS = List.of("authors", "author");

    private AuthorNames() {
    }

    public static List<String> fromFrontMatter(Map<String, ?> frontMatter) {
        for (String key : KEYS) {
            List<String> names = new ArrayList<>();
            collect(frontMatter.get(key), names);
            if (!names.isEmpty()) {
                return names;
            }
        }
        return List.of();
    }

    private static void collect(Object value, List<String> into) {
        if (value instanceof String name) {
            if (!name.isBlank()) {
                into.add(name);
            }
        } else if (value instanceof List<?> list) {
            list.forEach(item -> collect(item, into));
        } else if (value instanceof Map<?, ?> map && map.get("name") instanceof String name && !name.isBlank()) {
            into.add(name);
        }
    }
}
