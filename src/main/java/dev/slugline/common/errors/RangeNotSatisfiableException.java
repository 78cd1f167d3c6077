package dev.slugline.common.errors;

import java.util.List;

/** 416: a Range header that names no byte of the resource. */
public class RangeNotSatisfiableException extends SluglineException {

    private final long length;

    public RangeNotSatisfiableException(String range, long length) {
        super("Range: '" + range + "' names no byte of a " + length + "-byte file",
                List.of(new Problem.Violation("Range", "outside 0-" + Math.max(0, length - 1))));
        this.length = length;
    }

    /** The full length, for {@code Content-Range: bytes *}{@code /length}. */
    public long length() {
        return length;
    }

    @Override
    public int status() {
        return 416;
    }
}
