package dev.slugline.security;

/**
 * Too many failed logins for this user name or from this address; the same for names that exist and do not.
 * Travels as the cause of an {@link io.quarkus.security.AuthenticationFailedException}.
 */
public class LoginThrottledException extends RuntimeException {

    private final long retryAfterSeconds;

    public LoginThrottledException(long retryAfterSeconds) {
        super("Too many failed logins; try again later");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
