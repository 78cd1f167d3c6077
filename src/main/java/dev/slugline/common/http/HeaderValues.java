package dev.slugline.common.http;

import java.nio.charset.StandardCharsets;

/**
 * Values from content (titles, slugs, file names, warnings) on their way into an HTTP header. A header can hold
 * neither CR, LF nor other control characters (a line break in a title made a response never leave), and its text
 * is ISO-8859-1 at best: so every such value goes through one of these, where it leaves.
 */
public final class HeaderValues {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private HeaderValues() {
    }

    /**
     * Printable ASCII text for a header of plain words (a warning): control characters become a space, other
     * characters outside printable ASCII a {@code ?}; runs of spaces collapse and the ends are trimmed.
     */
    public static String text(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().forEach(cp -> {
            char c = cp < 0x20 || cp == 0x7f || Character.getType(cp) == Character.CONTROL ? ' '
                    : cp > 0x7e ? '?' : (char) cp;
            if (c != ' ' || (!out.isEmpty() && out.charAt(out.length() - 1) != ' ')) {
                out.append(c);
            }
        });
        return out.toString().strip();
    }

    /** Whether {@code value} may be sent as an RFC 9110 quoted-string as it is: printable ASCII, no quote or backslash. */
    public static boolean isPlainQuotable(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    /**
     * An RFC 8187 extended value, {@code UTF-8''} followed by the UTF-8 bytes of {@code value}, every byte but
     * {@code attr-char} percent-encoded: for {@code title*=} (RFC 8288) and {@code filename*=} (RFC 6266).
     */
    public static String extendedValue(String value) {
        return "UTF-8''" + percentEncode(value, true);
    }

    /**
     * One path segment of a URL: UTF-8, every byte but RFC 3986 unreserved characters percent-encoded (so
     * {@code /}, {@code ?}, {@code #}, {@code %}, control characters and spaces cannot change the URL). A dot is
     * kept, but a segment that is only {@code .} or {@code ..} has its dots encoded: it never walks up a path.
     */
    public static String pathSegment(String segment) {
        if (segment.equals(".") || segment.equals("..")) {
            return segment.replace(".", "%2E");
        }
        return percentEncode(segment, false);
    }

    private static String percentEncode(String value, boolean attrChars) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (isUnreserved(c) || (attrChars && "!#$&+^`|".indexOf(c) >= 0)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return out.toString();
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }
}
