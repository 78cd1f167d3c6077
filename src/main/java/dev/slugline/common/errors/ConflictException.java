package dev.slugline.common.errors;

import java.util.List;

/** 409: the write clashes with what is stored (a taken slug, a concurrent change). */
public class ConflictException extends SluglineException {

    public ConflictException(String field, String detail) {
        super(detail, field == null ? List.of() : List.of(new Problem.Violation(field, detail)));
    }

    @Override
    public int status() {
        return 409;
    }
}
