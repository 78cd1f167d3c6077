package dev.slugline.common.errors;

import java.util.List;

/** 412: the client's If-Match names a version that is no longer the stored one. */
public class PreconditionFailedException extends SluglineException {

    public PreconditionFailedException(String detail) {
        super(detail, List.of(new Problem.Violation("If-Match", detail)));
    }

    @Override
    public int status() {
        return 412;
    }
}
