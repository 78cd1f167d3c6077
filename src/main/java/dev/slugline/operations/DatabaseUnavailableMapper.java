package dev.slugline.operations;

import dev.slugline.common.errors.Problem;
import io.quarkus.logging.Log;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.sql.SQLException;
import java.util.List;

/**
 * While PostgreSQL is down or unreachable, requests that need it get a fast 503 problem with {@code Retry-After}
 * (bounded by the pool's acquisition and login timeouts) instead of a 500 or a hang. Other persistence failures
 * stay 500s.
 */
public class DatabaseUnavailableMapper {

    static final String RETRY_AFTER_SECONDS = "5";

    @ServerExceptionMapper
    public Response connectionLost(JDBCConnectionException e, UriInfo uri) {
        return unavailable(e, uri);
    }

    @ServerExceptionMapper
    public Response persistence(PersistenceException e, UriInfo uri) {
        if (isConnectionFailure(e)) {
            return unavailable(e, uri);
        }
        Log.errorf(e, "Unexpected persistence failure on %s", path(uri));
        return Problem.of(500, "An unexpected error occurred; it has been logged", path(uri), List.of()).toResponse();
    }

    @ServerExceptionMapper
    public Response sql(SQLException e, UriInfo uri) {
        if (isConnectionFailure(e)) {
            return unavailable(e, uri);
        }
        Log.errorf(e, "Unexpected SQL failure on %s", path(uri));
        return Problem.of(500, "An unexpected error occurred; it has been logged", path(uri), List.of()).toResponse();
    }

    /** SQL state class 08 (connection exception), 57P0x (server shutting down or starting), or the pool giving up. */
    static boolean isConnectionFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JDBCConnectionException || t instanceof java.net.ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
                    return true;
                }
                String message = sql.getMessage();
                if (message != null && message.contains("acquisition timeout")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Response unavailable(Throwable e, UriInfo uri) {
        Log.warnf("Database unavailable on %s: %s", path(uri), e.getMessage());
        return Response.fromResponse(Problem.of(503,
                        "The database is not reachable at the moment; retry in a few seconds", path(uri), List.of())
                .toResponse()).header("Retry-After", RETRY_AFTER_SECONDS).build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }
}
