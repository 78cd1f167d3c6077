package dev.slugline.webhooks;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Webhook delivery, under {@code slugline.webhooks.}. */
@ConfigMapping(prefix = "slugline.webhooks")
public interface WebhookConfig {

    /** How often each instance looks for due deliveries ({@code 2s}, {@code 500ms}). */
    @WithDefault("2s")
    String pollInterval();

    /** Deliveries claimed per poll by one instance. */
    @WithDefault("10")
    int batchSize();

    /** Attempts before a delivery is given up as FAILED. */
    @WithDefault("8")
    int maxAttempts();

    /** Wait before the second attempt; doubled for every further one. */
    @WithDefault("PT10S")
    Duration initialBackoff();

    /** The longest wait between two attempts. */
    @WithDefault("PT1H")
    Duration maxBackoff();

    /** Connect and response timeout of one attempt. */
    @WithDefault("PT5S")
    Duration timeout();

    /**
     * Hosts (names or literal addresses) that may be targets although they are loopback, link-local or private.
     * Empty in production: such targets are refused (server-side request forgery).
     */
    Optional<List<String>> allowedPrivateHosts();
}
