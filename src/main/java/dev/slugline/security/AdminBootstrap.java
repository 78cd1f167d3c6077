package dev.slugline.security;

import io.quarkus.logging.Log;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * Creates the first admin from {@code SLUGLINE_ADMIN_USERNAME} / {@code SLUGLINE_ADMIN_PASSWORD} on first start.
 * There is no default password; in prod a weak one stops the service from starting.
 */
@Singleton
public class AdminBootstrap {

    private final AccountService accounts;
    private final SecurityConfig.Admin admin;
    private final SecurityConfig config;

    public AdminBootstrap(AccountService accounts, SecurityConfig.Admin admin, SecurityConfig config) {
        this.accounts = accounts;
        this.admin = admin;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        check(LaunchMode.current() == LaunchMode.NORMAL);
    }

    /** @param prod whether a weak password must stop the start */
    void check(boolean prod) {
        String username = admin.username().filter(s -> !s.isBlank()).orElse(null);
        String password = admin.password().filter(s -> !s.isEmpty()).orElse(null);
        if (username == null || password == null) {
            if (!accounts.anyAdmin()) {
                Log.warn("No admin account exists: set SLUGLINE_ADMIN_USERNAME and SLUGLINE_ADMIN_PASSWORD and restart");
            }
            return;
        }
        String weakness = AccountService.weakness(password, config.minPasswordLength());
        if (weakness != null) {
            if (prod) {
                throw new IllegalStateException("SLUGLINE_ADMIN_PASSWORD is too weak (" + weakness + "); refusing to start");
            }
            Log.warnf("SLUGLINE_ADMIN_PASSWORD is weak (%s); prod would refuse to start", weakness);
        }
        if (accounts.createFirstAdmin(username, password)) {
            Log.infof("Created the first admin account '%s'", username);
        }
    }
}
