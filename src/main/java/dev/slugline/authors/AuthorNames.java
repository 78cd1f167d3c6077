package dev.slugline.authors;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The authors a post's front matter names, in order: {@code authors} (Hugo) or else {@code author} (Jekyll, many Hugo
 * themes), in any case ({@code Author:}, as Hugo reads keys), each a name, a list of names, or mappings with a
 * {@code name} (Jekyll's {@code author: {name: …}}). Bylines as blogs write them are taken apart: {@code "A, B, and C"}
 * and {@code "A and B"} are several authors, a Markdown link {@code [A](https://…)} is its text.
 */
public final class AuthorNames {

    /** The front matter keys that name a post's authors, the first one found winning. */
    public static final List<String> KEYS = List.of("authors", "author");

    private static final Pattern MARKDOWN_LINK = Pattern.compile("\\[([^\\]]+)]\\([^)]*\\)");

    private AuthorNames() {
    }

    /**
     * Whether a value of an author key holds nothing but names (a name or a list of names, no links), so that the
     * post's authors say all it said; anything more ({@code {name, email}}, a linked byline) stays in the front matter.
     */
    public static boolean onlyNames(Object value) {
        if (value instanceof String byline) {
            return !MARKDOWN_LINK.matcher(byline).find();
        }
        return value instanceof List<?> list && list.stream().allMatch(AuthorNames::onlyNames);
    }

    /** Whether a front matter key names the authors ({@code author}, {@code Authors}, …). */
    public static boolean isAuthorKey(String key) {
        return KEYS.contains(key.toLowerCase(Locale.ROOT));
    }

    public static List<String> fromFrontMatter(Map<String, ?> frontMatter) {
        for (String key : KEYS) {
            List<String> names = new ArrayList<>();
            frontMatter.forEach((given, value) -> {
                if (given.equalsIgnoreCase(key)) {
                    collect(value, names);
                }
            });
            if (!names.isEmpty()) {
                return names;
            }
        }
        return List.of();
    }

    private static void collect(Object value, List<String> into) {
        if (value instanceof String byline) {
            split(byline, into);
        } else if (value instanceof List<?> list) {
            list.forEach(item -> collect(item, into));
        } else if (value instanceof Map<?, ?> map && map.get("name") instanceof String name) {
            split(name, into);
        }
    }

    /**
     * One byline as the names in it: links become their text; commas, semicolons, "&" and "and" separate names,
     * except inside parentheses ({@code Jane Doe (VMware, Inc.)} is one).
     */
    private static void split(String byline, List<String> into) {
        String text = MARKDOWN_LINK.matcher(byline).replaceAll(match -> Matcher.quoteReplacement(match.group(1)));
        StringBuilder name = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            depth += c == '(' ? 1 : c == ')' && depth > 0 ? -1 : 0;
            int separator = depth > 0 ? 0 : separatorAt(text, i);
            if (separator > 0) {
                add(name, into);
                i += separator - 1;
            } else {
                name.append(c);
            }
        }
        add(name, into);
    }

    /** The length of the separator starting at {@code i} ({@code ,} {@code ;} {@code &} or the word "and"), else 0. */
    private static int separatorAt(String text, int i) {
        char c = text.charAt(i);
        if (c == ',' || c == ';' || c == '&') {
            return 1;
        }
        boolean wordStart = i == 0 || Character.isWhitespace(text.charAt(i - 1));
        boolean word = text.regionMatches(true, i, "and", 0, 3)
                && (i + 3 == text.length() || Character.isWhitespace(text.charAt(i + 3)));
        return wordStart && word ? 3 : 0;
    }

    private static void add(StringBuilder name, List<String> into) {
        String trimmed = name.toString().strip();
        if (!trimmed.isEmpty()) {
            into.add(trimmed);
        }
        name.setLength(0);
    }
}
