package dev.slugline.common.errors;

import java.util.List;

/** 415: the content is of a type this endpoint does not take (checked against the bytes, not only the header). */
public class UnsupportedTypeException extends SluglineException {

    public UnsupportedTypeException(String field, String message) {
        super(field + ": " + message, List.of(new Problem.Violation(field, message)));
    }

    @Override
    public int status() {
        return 415;
    }
}
