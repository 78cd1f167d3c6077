package dev.slugline.ghost;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.slugline.common.errors.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.List;

/**
 * Ghost's error shape, {@code {"errors":[{"message","context","type"}]}}, for every refusal under
 * {@code /ghost/api/}: its own ({@link GhostException}) and any problem+json the rest of Slugline answers there
 * (an unknown path, a 503 while PostgreSQL is down), so Ghost's clients read every error as they read Ghost's.
 */
public class GhostErrors {

    @JsonInclude(JsonInclude.Include.ALWAYS)
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "GhostError")
    public record GhostError(String message, String context, String type) {
    }

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "GhostErrors", description = "Ghost's error shape")
    public record Body(List<GhostError> errors) {
    }

    @ServerExceptionMapper
    public Response ghost(GhostException e) {
        return Response.status(e.status()).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new Body(List.of(new GhostError(e.getMessage(), e.context(), e.type())))).build();
    }

    @ServerResponseFilter
    public void inGhostShape(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getEntity() instanceof Problem problem && request.getUriInfo().getPath().startsWith("/ghost/")) {
            response.setEntity(new Body(List.of(new GhostError(problem.detail(), problem.title(), type(problem.status())))),
                    null, MediaType.APPLICATION_JSON_TYPE);
        }
    }

    private static String type(int status) {
        return switch (status) {
            case 400, 413, 422 -> "BadRequestError";
            case 401 -> "UnauthorizedError";
            case 403 -> "NoPermissionError";
            case 404 -> "NotFoundError";
            case 405 -> "MethodNotAllowedError";
            case 429 -> "TooManyRequestsError";
            case 503 -> "ServiceUnavailableError";
            default -> status >= 500 ? "InternalServerError" : "BadRequestError";
        };
    }
}
