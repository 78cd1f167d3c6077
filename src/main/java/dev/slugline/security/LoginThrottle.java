package dev.slugline.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.List;

/**
 * Counts failed logins per user name and per client address in PostgreSQL, so that the limit holds however
 * many instances serve the API. A key over its limit is refused until its window has passed.
 */
@ApplicationScoped
public class LoginThrottle {

    private final EntityManager em;
    private final SecurityConfig config;

    public LoginThrottle(EntityManager em, SecurityConfig config) {
        this.em = em;
        this.config = config;
    }

    /** Seconds until a login for this user from this address may be tried again; 0 when it may be tried now. */
    public long secondsBlocked(String username, String address) {
        return QuarkusTransaction.requiringNew().call(() -> {
            long window = config.failureWindow().toSeconds();
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                    select key, failures, greatest(0, ceil(extract(epoch from window_start + make_interval(secs => :window) - now())))
                    from login_failure
                    where key in (:user, :address) and window_start > now() - make_interval(secs => :window)
                    """)
                    .setParameter("window", window)
                    .setParameter("user", userKey(username))
                    .setParameter("address", addressKey(address))
                    .getResultList();
            long blocked = 0;
            for (Object[] row : rows) {
                int failures = ((Number) row[1]).intValue();
                int limit = ((String) row[0]).startsWith("user:") ? config.maxFailuresPerUser() : config.maxFailuresPerAddress();
                if (failures >= limit) {
                    blocked = Math.max(blocked, Math.max(1, ((Number) row[2]).longValue()));
                }
            }
            return blocked;
        });
    }

    public void recordFailure(String username, String address) {
        QuarkusTransaction.requiringNew().run(() -> {
            increment(userKey(username));
            increment(addressKey(address));
        });
    }

    /** A successful login forgets the user's failures (not the address's: others may be guessing from there). */
    public void recordSuccess(String username) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from login_failure where key = :key")
                .setParameter("key", userKey(username)).executeUpdate());
    }

    private void increment(String key) {
        em.createNativeQuery("""
                insert into login_failure (key, failures, window_start) values (:key, 1, now())
                on conflict (key) do update set
                    failures = case when login_failure.window_start <= now() - make_interval(secs => :window)
                                    then 1 else login_failure.failures + 1 end,
                    window_start = case when login_failure.window_start <= now() - make_interval(secs => :window)
                                    then now() else login_failure.window_start end
                """)
                .setParameter("key", key)
                .setParameter("window", config.failureWindow().toSeconds())
                .executeUpdate();
    }

    private static String userKey(String username) {
        String name = username.length() > 200 ? username.substring(0, 200) : username;
        return "user:" + name.toLowerCase(java.util.Locale.ROOT);
    }

    private static String addressKey(String address) {
        return "addr:" + address;
    }
}
