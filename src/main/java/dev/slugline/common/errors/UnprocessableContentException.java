package dev.slugline.common.errors;

import java.util.List;

/** 422: the request body is of the right type but its content cannot become a post (broken front matter). */
public class UnprocessableContentException extends SluglineException {

    public UnprocessableContentException(String field, String message) {
        super(field + ": " + message, List.of(new Problem.Violation(field, message)));
    }

    @Override
    public int status() {
        return 422;
    }
}
