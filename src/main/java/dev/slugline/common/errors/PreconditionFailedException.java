package dev.slugline.common.errors;

import java.util.List;

/** 412: the client's If-Match names a version that is no longer the stored one (or If-None-Match matched). */
public class PreconditionFailedException extends SluglineException {

    public PreconditionFailedException(String detail) {
        this("If-Match", detail);
    }

    /** {@code header}: the precondition that failed, named as the violation's field. */
    public PreconditionFailedException(String header, String detail) {
        super(detail, List.of(new Problem.Violation(header, detail)));
    }

    @Override
    public int status() {
        return 412;
    }
}
