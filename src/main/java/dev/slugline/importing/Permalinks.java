package dev.slugline.importing;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hugo's permalink patterns ({@code /:year/:month/:slug/}), expanded for one page as Hugo does: dates from the
 * page's date as written (its own offset), {@code :title} and {@code :slug} urlized, the whole path lower-cased
 * (Hugo's default, {@code disablePathToLower = false}). Tokens Hugo knows and this does not (Go date layouts such
 * as {@code :2006-01-02}, {@code :sections[1:]}) are left as written.
 */
public final class Permalinks {

    private static final Pattern TOKEN = Pattern.compile(":(slugorcontentbasename|slugorfilename|contentbasename|filename"
            + "|weekdayname|weekday|monthname|month|yearday|year|day|sections|section|title|slug)(?![A-Za-z\\[])");
    /** Hugo's zero time, what its tokens give for a page without a date. */
    private static final LocalDate NO_DATE = LocalDate.of(1, 1, 1);

    private Permalinks() {
    }

    /**
     * What a pattern needs to know of a page: its date (may be null), title, the slug its front matter gives (null
     * when none), its content base name (file name without extension and language; a bundle's folder name) and
     * its sections (the first is {@code :section}).
     */
    public record Page(OffsetDateTime date, String title, String slug, String contentBaseName, List<String> sections) {
    }

    /** The path of {@code page} under {@code pattern}. */
    public static String expand(String pattern, Page page) {
        LocalDate date = page.date() == null ? NO_DATE : page.date().toLocalDate();
        Matcher token = TOKEN.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (token.find()) {
            String value = switch (token.group(1)) {
                case "year" -> String.format("%04d", date.getYear());
                case "month" -> String.format("%02d", date.getMonthValue());
                case "monthname" -> date.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
                case "day" -> String.format("%02d", date.getDayOfMonth());
                case "weekday" -> String.valueOf(date.getDayOfWeek().getValue() % 7);
                case "weekdayname" -> date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
                case "yearday" -> String.valueOf(date.getDayOfYear());
                case "section" -> page.sections().isEmpty() ? "" : page.sections().get(0);
                case "sections" -> String.join("/", page.sections());
                case "title" -> urlize(page.title());
                case "slug" -> urlize(page.slug() != null ? page.slug() : page.title());
                case "slugorfilename", "slugorcontentbasename" ->
                        page.slug() != null ? urlize(page.slug()) : page.contentBaseName();
                case "filename", "contentbasename" -> page.contentBaseName();
                default -> token.group();
            };
            token.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        token.appendTail(out);
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /**
     * Hugo's default URL of a page without a permalink pattern: its folders below {@code content/} and its slug
     * (or, without one, its content base name), with a trailing slash.
     */
    public static String defaultPath(List<String> folders, Page page) {
        StringBuilder path = new StringBuilder("/");
        folders.forEach(folder -> path.append(folder).append('/'));
        path.append(page.slug() != null ? urlize(page.slug()) : page.contentBaseName()).append('/');
        return path.toString().toLowerCase(Locale.ROOT);
    }

    /**
     * Hugo's {@code urlize}: letters, digits, marks and {@code . _ - # + ~ @ /} kept, a run of spaces (or hyphens)
     * before a kept character one hyphen, everything else dropped, lower case.
     */
    public static String urlize(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder target = new StringBuilder(text.length());
        boolean prependHyphen = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            boolean mark = type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                    || type == Character.ENCLOSING_MARK;
            boolean kept = Character.isLetter(cp) || Character.isDigit(cp) || mark
                    || cp == '.' || cp == '/' || cp == '_' || cp == '#' || cp == '+' || cp == '~' || cp == '@';
            if (kept) {
                if (prependHyphen) {
                    target.append('-');
                    prependHyphen = false;
                }
                target.appendCodePoint(cp);
            } else if (!target.isEmpty() && (cp == '-' || Character.isWhitespace(cp) || Character.isSpaceChar(cp))) {
                prependHyphen = true;
            }
        }
        return target.toString().toLowerCase(Locale.ROOT);
    }
}
