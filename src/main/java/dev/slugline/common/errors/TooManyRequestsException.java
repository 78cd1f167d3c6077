package dev.slugline.common.errors;

import java.util.List;

/** 429: the instance is busy with this kind of work; the client may try again after {@code Retry-After} seconds. */
public class TooManyRequestsException extends SluglineException {

    private final long retryAfterSeconds;

    public TooManyRequestsException(String detail, long retryAfterSeconds) {
        super(detail, List.of());
        this.retryAfterSeconds = retryAfterSeconds;
    }

    @Override
    public int status() {
        return 429;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
