package dev.slugline.common.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one slug policy, for posts (API, Markdown posts and imports alike) and taxonomy terms: lower case, Latin
 * accents folded to ASCII, letters of other scripts kept (NFC). A slug someone gave (a {@code slug} key, a JSON
 * field, a file name) keeps single dots between its words ({@code announcing-linkerd-2.7}, {@code coredns-1.8.3}),
 * as Hugo does; dots and other punctuation at either end are trimmed, and a slug is never {@code .} or
 * {@code ..} nor holds {@code ..}, a slash or a backslash. A slug derived from a title collapses every run of
 * other characters to one hyphen. Tested by one table, {@code SlugsTest}.
 */
public final class Slugs {

    private static final Pattern EDGE_HYPHENS = Pattern.compile("^-+|-+$");

    public static final int MAX_LENGTH = 200;

    /** Words of letters and digits (any script) joined by single hyphens or single dots. */
    public static final String PATTERN = "[\\p{Ll}\\p{Lo}\\p{Lm}\\p{M}\\p{Nd}]+([-.][\\p{Ll}\\p{Lo}\\p{Lm}\\p{M}\\p{Nd}]+)*";
    /** What a client is told when a slug it gave is refused. */
    public static final String RULE = "use letters, digits, and single hyphens or dots between them";

    private static final Pattern VALID = Pattern.compile(PATTERN);
    private static final Pattern SEPARATORS = Pattern.compile("[\\s_]+");
    private static final Pattern NOT_SLUG = Pattern.compile("[^\\p{L}\\p{M}\\p{Nd}]+");
    private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[\\p{P}\\p{S}\\s]+|[\\p{P}\\p{S}\\s]+$");
    private static final Pattern FORBIDDEN = Pattern.compile("[/\\\\\\p{Cc}]|\\.\\.");
    private static final Map<Integer, String> LATIN_LETTERS_WITHOUT_DECOMPOSITION = Map.ofEntries(
            Map.entry((int) 'ß', "ss"), Map.entry((int) 'æ', "ae"), Map.entry((int) 'œ', "oe"),
            Map.entry((int) 'ø', "o"), Map.entry((int) 'đ', "d"), Map.entry((int) 'ð', "d"),
            Map.entry((int) 'þ', "th"), Map.entry((int) 'ł', "l"), Map.entry((int) 'ı', "i"),
            Map.entry((int) 'ħ', "h"), Map.entry((int) 'ŧ', "t"));

    private Slugs() {
    }

    /** The slug for a title or a term name; empty when nothing sluggable is left (a title of only emoji). */
    public static String fromText(String text) {
        String folded = foldLatin(text);
        String slug = EDGE_HYPHENS.matcher(NOT_SLUG.matcher(folded).replaceAll("-")).replaceAll("");
        return truncate(slug);
    }

    /**
     * Normalises a slug chosen by a client: case, accents, surrounding punctuation and inner spaces. Anything
     * else that is not part of a slug (a slash, {@code ..}, other punctuation) makes it invalid: empty result.
     */
    public static Optional<String> normalizeGiven(String given) {
        if (given == null || FORBIDDEN.matcher(given).find()) {
            return Optional.empty();
        }
        String trimmed = EDGE_PUNCTUATION.matcher(given).replaceAll("");
        String slug = SEPARATORS.matcher(foldLatin(trimmed)).replaceAll("-");
        return slug.length() <= MAX_LENGTH && VALID.matcher(slug).matches() ? Optional.of(slug) : Optional.empty();
    }

    /**
     * The slug a file name's stem gives (without extension, language or Jekyll date): the stem as a given slug
     * when it is one, dots kept; else derived from it as from a title. Empty when nothing sluggable is left.
     */
    public static String fromFileStem(String stem) {
        return normalizeGiven(stem).orElseGet(() -> fromText(stem));
    }

    /** {@code base} with {@code suffix} (such as {@code -2} or {@code -2021-03-04}), cut so it fits {@link #MAX_LENGTH}. */
    public static String withSuffix(String base, String suffix) {
        String stem = base.length() + suffix.length() > MAX_LENGTH
                ? base.substring(0, MAX_LENGTH - suffix.length()).replaceAll("[-.]+$", "")
                : base;
        return stem + suffix;
    }

    public static boolean isValid(String slug) {
        return slug != null && slug.length() <= MAX_LENGTH && VALID.matcher(slug).matches();
    }

    private static String foldLatin(String text) {
        String decomposed = Normalizer.normalize(text.strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        boolean afterLatinBase = false;
        for (int i = 0; i < decomposed.length(); ) {
            int cp = decomposed.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            boolean mark = type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                    || type == Character.ENCLOSING_MARK;
            if (mark) {
                if (!afterLatinBase) {
                    out.appendCodePoint(cp);
                }
                continue;
            }
            afterLatinBase = Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN;
            String replacement = LATIN_LETTERS_WITHOUT_DECOMPOSITION.get(cp);
            if (replacement != null) {
                out.append(replacement);
            } else {
                out.appendCodePoint(cp);
            }
        }
        return Normalizer.normalize(out, Normalizer.Form.NFC);
    }

    private static String truncate(String slug) {
        if (slug.length() <= MAX_LENGTH) {
            return slug;
        }
        String cut = slug.substring(0, MAX_LENGTH);
        int lastHyphen = cut.lastIndexOf('-');
        return (lastHyphen > 0 ? cut.substring(0, lastHyphen) : cut).replaceAll("-+$", "");
    }
}
