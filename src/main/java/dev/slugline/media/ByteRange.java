package dev.slugline.media;

import dev.slugline.common.errors.RangeNotSatisfiableException;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One byte range of a {@code Range: bytes=…} header (RFC 9110 §14.1.2), inclusive at both ends. */
record ByteRange(long first, long last) {

    private static final Pattern SINGLE = Pattern.compile("^\\s*bytes\\s*=\\s*(\\d*)\\s*-\\s*(\\d*)\\s*$");

    long length() {
        return last - first + 1;
    }

    /**
     * The range to serve, or empty to serve the whole file (no header, several ranges or a header that is not a
     * byte range: RFC 9110 lets a server ignore those). A range starting past the end is a 416.
     */
    static Optional<ByteRange> parse(String header, long size) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher m = SINGLE.matcher(header);
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())
                || m.group(1).length() > 18 || m.group(2).length() > 18) {
            return Optional.empty();
        }
        if (m.group(1).isEmpty()) {
            long suffix = Long.parseLong(m.group(2));
            if (suffix == 0 || size == 0) {
                throw new RangeNotSatisfiableException(header, size);
            }
            return Optional.of(new ByteRange(Math.max(0, size - suffix), size - 1));
        }
        long first = Long.parseLong(m.group(1));
        long last = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
        if (!m.group(2).isEmpty() && Long.parseLong(m.group(2)) < first) {
            return Optional.empty();
        }
        if (first >= size) {
            throw new RangeNotSatisfiableException(header, size);
        }
        return Optional.of(new ByteRange(first, last));
    }
}
