package dev.slugline.operations;

import dev.slugline.common.errors.Problem;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.vertx.VertxInputStream;

import java.io.IOException;
import java.util.List;

/**
 * {@code quarkus.http.limits.max-body-size} answered with a 413 problem, whether the body declares its length or not.
 * A declared body ({@code Content-Length}) over the limit is refused before anything reads it. A body of unknown
 * length (chunked) is counted as it is read, by {@link BodyLimitInterceptor}, and refused when it passes the limit:
 * RESTEasy's own count, which would answer an empty plain 413, is switched off for such requests.
 */
@ApplicationScoped
public class BodyLimit {

    private final long maxBodySize;

    public BodyLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.maxBodySize = maxBodySize.asLongValue();
    }

    /**
     * The body passed the limit while it was read. An {@link IOException}, so that readers (Jackson included) pass it
     * on as it is instead of wrapping it into a 400; the rest of the body is not read, so the connection is closed.
     */
    public static class TooLarge extends IOException {
        TooLarge(long limit) {
            super(detail(limit));
        }
    }

    void register(@Observes Filters filters) {
        // after RequestLog (1000), so that refusals carry a request id and are logged
        filters.register(this::refuseDeclaredTooLarge, 999);
        // route order -1: after Quarkus's own limit route (order -2), which hands RESTEasy its count
        filters.register(this::countUndeclared, 1);
    }

    @ServerExceptionMapper
    public Response tooLarge(TooLarge e, UriInfo uri) {
        return Response.fromResponse(problem("/" + uri.getPath().replaceFirst("^/", "")).toResponse())
                .header(HttpHeaders.CONNECTION.toString(), "close").build();
    }

    long maxBodySize() {
        return maxBodySize;
    }

    private void refuseDeclaredTooLarge(RoutingContext rc) {
        if (declaredLength(rc) > maxBodySize) {
            rc.response().setStatusCode(413)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(io.vertx.core.json.Json.encode(problem(rc.request().path())));
            return;
        }
        rc.next();
    }

    private void countUndeclared(RoutingContext rc) {
        if (rc.request().getHeader(HttpHeaders.CONTENT_LENGTH) == null) {
            rc.remove(VertxInputStream.MAX_REQUEST_SIZE_KEY);
        }
        rc.next();
    }

    /** The declared body length, or -1 when there is none (or it is not a number: Vert.x refuses those itself). */
    private static long declaredLength(RoutingContext rc) {
        String contentLength = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (contentLength == null) {
            return -1;
        }
        try {
            return Long.parseLong(contentLength.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private Problem problem(String path) {
        return Problem.of(413, detail(maxBodySize), path, List.of(new Problem.Violation("body", detail(maxBodySize))));
    }

    private static String detail(long limit) {
        return "The request body is larger than the limit of " + limit + " bytes";
    }
}
