package dev.slugline.security;

import dev.slugline.common.errors.Problem;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

/**
 * 401 and 403 as problem+json. The detail is the same whether the user exists, the password is wrong, or the
 * token is unknown, expired or revoked. Needs {@code quarkus.http.auth.proactive=false} so failures reach REST.
 */
public class SecurityProblemMappers {

    static final String UNAUTHORIZED = "Authentication is required: send valid HTTP Basic credentials or an API token";

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthorized(uri);
    }

    @ServerExceptionMapper
    public Response failed(AuthenticationFailedException e, UriInfo uri) {
        if (e.getCause() instanceof LoginThrottledException throttled) {
            return Response.fromResponse(Problem.of(429, "Too many failed logins; try again later", path(uri), List.of())
                    .toResponse()).header("Retry-After", throttled.retryAfterSeconds()).build();
        }
        return unauthorized(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return Problem.of(403, "Your role does not allow this", path(uri), List.of()).toResponse();
    }

    private static Response unauthorized(UriInfo uri) {
        return Response.fromResponse(Problem.of(401, UNAUTHORIZED, path(uri), List.of()).toResponse())
                .header("WWW-Authenticate", SluglineAuthMechanism.CHALLENGE).build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }
}
