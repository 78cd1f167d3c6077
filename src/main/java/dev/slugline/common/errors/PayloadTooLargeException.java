package dev.slugline.common.errors;

import java.util.List;

/** 413: the request, or something unpacked from it, is larger than a configured limit. */
public class PayloadTooLargeException extends SluglineException {

    public PayloadTooLargeException(String field, String message) {
        super(field + ": " + message, List.of(new Problem.Violation(field, message)));
    }

    @Override
    public int status() {
        return 413;
    }
}
