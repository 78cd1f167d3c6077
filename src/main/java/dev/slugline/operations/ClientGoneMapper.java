package dev.slugline.operations;

import dev.slugline.common.errors.Problem;
import io.quarkus.logging.Log;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.io.IOException;
import java.util.List;

/**
 * An {@link IOException} that comes from the client, not from a fault: a body that stopped arriving (RESTEasy's
 * blocking read gave up after {@code quarkus.http.read-timeout} and closed the connection) or a connection the client
 * closed. It is logged as such, in one line without a stack trace; any other {@link IOException} is an unexpected
 * failure, as before.
 */
public class ClientGoneMapper {

    /** What RESTEasy Reactive's request body stream throws when {@code quarkus.http.read-timeout} passes. */
    static final String READ_TIMED_OUT = "Read timed out";

    @ServerExceptionMapper
    public Response io(IOException e, HttpServerRequest request, UriInfo uri) {
        String path = uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
        if (READ_TIMED_OUT.equals(e.getMessage()) || request.response().closed()) {
            Log.infof("%s %s: the connection was closed before the request was read (%s)", request.method(), path,
                    e.getMessage());
            return Problem.of(408, "The request did not arrive in time", path, List.of()).toResponse();
        }
        Log.errorf(e, "Unexpected failure on %s", path);
        return Problem.of(500, "An unexpected error occurred; it has been logged", path, List.of()).toResponse();
    }
}
