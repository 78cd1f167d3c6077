package dev.slugline.common.errors;

import java.util.List;

/** 400: a request value is well-formed JSON but not acceptable (a slug that normalises to nothing). */
public class InvalidInputException extends SluglineException {

    public InvalidInputException(String field, String message) {
        super(field + ": " + message, List.of(new Problem.Violation(field, message)));
    }

    @Override
    public int status() {
        return 400;
    }
}
