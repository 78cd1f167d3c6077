package dev.slugline.posts;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one form in which a former path of a post (where an imported site served it) is stored and looked up, so
 * that {@code https://old.example/2020/02/10/Some-Post/}, {@code /2020/02/10/some-post} and
 * {@code /2020/02/10/some%2Dpost/index.html} are the same key: no scheme or host, no query or fragment,
 * percent-decoded, NFC, lower case (Hugo lower-cases the paths it builds), no empty or {@code .} segment, no
 * trailing slash, {@code index.html} or {@code .html} (Hugo's {@code uglyURLs} form is the same key as the pretty one).
 */
public final class FormerPaths {

    /** Longest path stored (the {@code post_former_path.path} column). */
    public static final int MAX_LENGTH = 2000;

    private static final Pattern SCHEME_AND_HOST = Pattern.compile("^(?:[A-Za-z][A-Za-z0-9+.-]*:)?//[^/?#]*");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\\\]");

    private FormerPaths() {
    }

    /** The stored form of {@code raw} (a path or a URL), or empty when it is no site path ({@code ..}, control characters). */
    public static Optional<String> normalize(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String path = SCHEME_AND_HOST.matcher(raw.strip()).replaceFirst("");
        int cut = indexOfAny(path, '?', '#');
        if (cut >= 0) {
            path = path.substring(0, cut);
        }
        try {
            path = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notEncoded) {
            // a '%' not followed by two hex digits: the path as written
        }
        if (CONTROL.matcher(path).find() || path.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*")) {
            return Optional.empty();
        }
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                return Optional.empty();
            }
            segments.add(segment);
        }
        if (!segments.isEmpty() && segments.get(segments.size() - 1).matches("(?i)index\\.html?")) {
            segments.remove(segments.size() - 1);
        }
        if (!segments.isEmpty()) {
            String last = segments.get(segments.size() - 1).replaceFirst("(?i)\\.html?$", "");
            if (last.isEmpty()) {
                segments.remove(segments.size() - 1);
            } else {
                segments.set(segments.size() - 1, last);
            }
        }
        String normal = Normalizer.normalize("/" + String.join("/", segments), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        return normal.length() <= MAX_LENGTH ? Optional.of(normal) : Optional.empty();
    }

    /** The last segment of a stored path (its slug-like part), empty for {@code /}. */
    public static String lastSegment(String normalized) {
        return normalized.substring(normalized.lastIndexOf('/') + 1);
    }

    private static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }
}
