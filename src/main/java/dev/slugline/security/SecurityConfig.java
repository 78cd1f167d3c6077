package dev.slugline.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Accounts and login settings, under {@code slugline.security.} and {@code slugline.admin.}. */
@ConfigMapping(prefix = "slugline.security")
public interface SecurityConfig {

    /** Failed logins for one user name within {@link #failureWindow()} before further attempts are refused. */
    @WithDefault("5")
    int maxFailuresPerUser();

    /** Failed logins from one client address within {@link #failureWindow()} before it is refused. */
    @WithDefault("20")
    int maxFailuresPerAddress();

    /** How long failures are counted, and how long a refused user or address waits. */
    @WithDefault("PT15M")
    Duration failureWindow();

    /** Whether an author may publish (or schedule) their own posts; otherwise they write drafts only. */
    @WithDefault("false")
    boolean authorsMayPublish();

    /** Shortest password accepted for accounts (and for the first admin in prod). */
    @WithDefault("12")
    int minPasswordLength();

    /** The longest lifetime of a preview link. */
    @WithDefault("P7D")
    Duration maxPreviewLifetime();

    /** Whether the client address for rate limiting comes from X-Forwarded-For (only behind a trusted proxy). */
    @WithDefault("false")
    boolean trustForwardedFor();

    /** The first admin, created on first start; never a default. */
    @ConfigMapping(prefix = "slugline.admin")
    interface Admin {
        /** {@code SLUGLINE_ADMIN_USERNAME}. */
        Optional<String> username();

        /** {@code SLUGLINE_ADMIN_PASSWORD}. */
        Optional<String> password();
    }
}
