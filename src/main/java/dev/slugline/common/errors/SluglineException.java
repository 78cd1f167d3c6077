package dev.slugline.common.errors;

import java.util.List;

/** A refusal a client can act on; mapped to application/problem+json by {@link ProblemMappers}. */
public abstract class SluglineException extends RuntimeException {

    private final List<Problem.Violation> violations;

    protected SluglineException(String detail, List<Problem.Violation> violations) {
        super(detail);
        this.violations = List.copyOf(violations);
    }

    public abstract int status();

    public List<Problem.Violation> violations() {
        return violations;
    }
}
