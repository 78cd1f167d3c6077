package dev.slugline.common.errors;

import java.util.List;

/** 428: a write without If-Match, when writes must say which version they change. */
public class PreconditionRequiredException extends SluglineException {

    public PreconditionRequiredException(String detail) {
        super(detail, List.of(new Problem.Violation("If-Match", detail)));
    }

    @Override
    public int status() {
        return 428;
    }
}
