package dev.slugline.importing;

import dev.slugline.common.text.Slugs;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What file paths inside an imported folder mean: safe or not, a post or a medium, a slug, a Jekyll date. */
public final class ImportPaths {

    private static final Pattern JEKYLL = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})-(.+)$");
    private static final Pattern LANGUAGE = Pattern.compile("\\.[a-z]{2}(-[a-zA-Z]{2,4})?$");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");

    private ImportPaths() {
    }

    /**
     * The entry name as a clean relative path ({@code a/b/c.md}), or empty when it must be refused: absolute,
     * a drive letter, a {@code ..} segment, a backslash or a control character. {@code .} segments are dropped.
     */
    public static Optional<String> clean(String name) {
        if (name == null || name.isEmpty() || name.startsWith("/") || name.contains("\\")
                || CONTROL.matcher(name).find() || name.matches("^[A-Za-z]:.*")) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        for (String part : name.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                return Optional.empty();
            }
            parts.add(part);
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("/", parts));
    }

    public static int depth(String path) {
        return (int) path.chars().filter(c -> c == '/').count();
    }

    public static boolean isMarkdown(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return lower.endsWith(".md") || lower.endsWith(".markdown") || lower.endsWith(".mdown");
    }

    public static boolean isHtml(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return lower.endsWith(".html") || lower.endsWith(".htm");
    }

    /**
     * A Hugo content page written in HTML: an {@code .html} file that opens with front matter ({@code ---},
     * {@code +++} or a JSON object). Other HTML files (templates, static pages) are media as before.
     */
    public static boolean isHtmlPage(String path, byte[] data) {
        if (!isHtml(path) || data == null) {
            return false;
        }
        int i = data.length >= 3 && (data[0] & 0xff) == 0xEF && (data[1] & 0xff) == 0xBB && (data[2] & 0xff) == 0xBF ? 3 : 0;
        while (i < data.length && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n')) {
            i++;
        }
        if (i < data.length && data[i] == '{') {
            return true;
        }
        return i + 3 <= data.length && ((data[i] == '-' && data[i + 1] == '-' && data[i + 2] == '-')
                || (data[i] == '+' && data[i + 1] == '+' && data[i + 2] == '+'));
    }

    /** A file an import makes a post of: Markdown, or an HTML page with front matter. */
    public static boolean isPost(String path, byte[] data) {
        return isMarkdown(path) || isHtmlPage(path, data);
    }

    /** Files nobody means to import: hidden files, macOS resource forks. */
    public static boolean isIgnored(String path) {
        for (String part : path.split("/")) {
            if (part.startsWith(".") || part.equals("__MACOSX")) {
                return true;
            }
        }
        return false;
    }

    /** Longest path an import stores (the {@code post.source_path} and {@code media.path} columns), in characters. */
    public static final int MAX_LENGTH = 1000;

    /** Why a path is too long to be stored, or empty when it is not. */
    public static Optional<String> tooLong(String path) {
        int length = path.codePointCount(0, path.length());
        return length <= MAX_LENGTH ? Optional.empty()
                : Optional.of("the path is " + length + " characters long; at most " + MAX_LENGTH + " are stored");
    }

    /** An entry name fit for a message: its first 200 characters, control characters replaced. */
    public static String printable(String name) {
        String cut = name.length() > 200 ? name.substring(0, 200) + "…" : name;
        return cut.replaceAll("\\p{Cc}", "\uFFFD");
    }

    /** Hugo's section pages ({@code _index.md}) list posts; they are not posts. */
    public static boolean isSectionPage(String path) {
        return fileName(path).toLowerCase(Locale.ROOT).startsWith("_index.");
    }

    public static String fileName(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    public static String folder(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** The name the path gives a post: the folder of a bundle's index.md, without date prefix or language. */
    static String stem(String path) {
        String name = fileName(path);
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        stem = LANGUAGE.matcher(stem).replaceFirst("");
        if (stem.equalsIgnoreCase("index")) {
            String folder = folder(path);
            stem = folder.isEmpty() ? stem : fileName(folder);
        }
        Matcher jekyll = JEKYLL.matcher(stem);
        return jekyll.matches() ? jekyll.group(2) : stem;
    }

    /** The slug the path gives a post, empty when nothing sluggable is left. */
    public static String slug(String path) {
        String stem = stem(path);
        return Slugs.fromFileStem(stem);
    }

    /** The date of a Jekyll file name {@code 2019-03-04-title.md}, empty for other names. */
    public static Optional<LocalDate> jekyllDate(String path) {
        String name = fileName(path);
        Matcher jekyll = JEKYLL.matcher(name);
        if (!jekyll.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(jekyll.group(1)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public static boolean isJekyll(String path) {
        return path.contains("_posts/") || jekyllDate(path).isPresent();
    }

    /**
     * Resolves an image reference written in the file at {@code from} to a path in the archive. Empty for
     * URLs with a scheme, protocol-relative and absolute references; {@code null} inside the Optional is never
     * returned. A reference that climbs out of the archive yields {@link #OUTSIDE}.
     */
    public static Optional<String> resolve(String from, String reference) {
        if (reference == null || reference.isBlank() || reference.startsWith("/") || reference.startsWith("#")
                || reference.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*")) {
            return Optional.empty();
        }
        String ref = reference;
        int cut = indexOfAny(ref, '?', '#');
        if (cut >= 0) {
            ref = ref.substring(0, cut);
        }
        try {
            ref = java.net.URLDecoder.decode(ref.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notEncoded) {
            // a '%' not followed by two hex digits ('progress-50%.png'): as browsers do, the name as written
        }
        List<String> parts = new ArrayList<>();
        String folder = folder(from);
        if (!folder.isEmpty()) {
            parts.addAll(List.of(folder.split("/")));
        }
        for (String part : ref.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    return Optional.of(OUTSIDE);
                }
                parts.remove(parts.size() - 1);
            } else {
                parts.add(part);
            }
        }
        return Optional.of(String.join("/", parts));
    }

    /** Marks a reference that leads outside the archive. */
    public static final String OUTSIDE = "\0outside";

    private static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }
}
