package dev.slugline.security;

import dev.slugline.common.http.ContentVersion;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.BasicAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

/**
 * {@code Authorization: Bearer <token>} for API tokens and {@code Authorization: Basic} for users. Basic logins
 * go through Quarkus's own Basic mechanism to {@link PasswordIdentityProvider}, with failed logins
 * counted per user name and per address in PostgreSQL by {@link LoginThrottle}.
 */
@ApplicationScoped
public class SluglineAuthMechanism implements HttpAuthenticationMechanism {

    public static final String CHALLENGE = "Basic realm=\"Slugline\", Bearer realm=\"Slugline\"";

    private final BasicAuthenticationMechanism basic = new BasicAuthenticationMechanism("Slugline", false);
    private final LoginThrottle throttle;
    private final ContentVersion database;
    private final SecurityConfig config;

    public SluglineAuthMechanism(LoginThrottle throttle, SecurityConfig config, ContentVersion database) {
        this.throttle = throttle;
        this.config = config;
        this.database = database;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String authorization = context.request().getHeader("Authorization");
        if (authorization == null || authorization.isBlank()) {
            return Uni.createFrom().nullItem();
        }
        try {
            database.requireReachable(); // credentials are checked in PostgreSQL: while it is down, a 503 at once
        } catch (RuntimeException outage) {
            return Uni.createFrom().failure(outage);
        }
        if (startsWithIgnoreCase(authorization, "Bearer ")) {
            String token = authorization.substring(7).strip();
            if (token.isEmpty()) {
                return Uni.createFrom().failure(new AuthenticationFailedException("Empty bearer token"));
            }
            return identities.authenticate(HttpSecurityUtils.setRoutingContextAttribute(
                    new TokenAuthenticationRequest(token), context));
        }
        if (startsWithIgnoreCase(authorization, "Basic ")) {
            String username = basicUsername(authorization.substring(6).strip());
            if (username == null) {
                return Uni.createFrom().failure(new AuthenticationFailedException("Malformed Basic credentials"));
            }
            String address = clientAddress(context);
            return Uni.createFrom().item(() -> throttle.secondsBlocked(username, address))
                    .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                    .flatMap(blocked -> {
                        if (blocked > 0) {
                            return Uni.createFrom().failure(
                                    new AuthenticationFailedException(new LoginThrottledException(blocked)));
                        }
                        return basic.authenticate(context, identities)
                                .onFailure(AuthenticationFailedException.class).call(failure ->
                                        Uni.createFrom().item(() -> {
                                            throttle.recordFailure(username, address);
                                            return failure;
                                        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()))
                                .call(identity -> Uni.createFrom().item(() -> {
                                    throttle.recordSuccess(username);
                                    return identity;
                                }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()));
                    });
        }
        return Uni.createFrom().failure(new AuthenticationFailedException("Unsupported authorization scheme"));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, Map.of("WWW-Authenticate", CHALLENGE)));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class, UsernamePasswordAuthenticationRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, "basic"));
    }

    private String clientAddress(RoutingContext context) {
        if (config.trustForwardedFor()) {
            String forwarded = context.request().getHeader("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                return forwarded.split(",")[0].strip();
            }
        }
        return context.request().remoteAddress() == null ? "unknown" : context.request().remoteAddress().hostAddress();
    }

    private static String basicUsername(String encoded) {
        try {
            String plain = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = plain.indexOf(':');
            // a NUL cannot be in a stored name (PostgreSQL text cannot hold it): malformed, not a database error
            return colon > 0 && plain.indexOf('\0') < 0 ? plain.substring(0, colon) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean startsWithIgnoreCase(String value, String prefix) {
        return value.regionMatches(true, 0, prefix, 0, prefix.length());
    }
}
