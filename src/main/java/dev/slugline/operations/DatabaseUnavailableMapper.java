package dev.slugline.operations;

import dev.slugline.common.errors.Problem;
import io.quarkus.arc.ArcUndeclaredThrowableException;
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
        return unexpected(e, uri, "persistence failure");
    }

    /**
     * A commit that failed because PostgreSQL went away. Writes are conditional (a slug taken is a 409, a stale
     * {@code If-Match} a 412), so a client may retry safely even if the commit did land.
     */
    @ServerExceptionMapper
    public Response failedCommit(ArcUndeclaredThrowableException e, UriInfo uri) {
        if (isConnectionFailure(e)) {
            return unavailable(e, uri);
        }
        return unexpected(e, uri, "failure");
    }

    @ServerExceptionMapper
    public Response sql(SQLException e, UriInfo uri) {
        if (isConnectionFailure(e)) {
            return unavailable(e, uri);
        }
        return unexpected(e, uri, "SQL failure");
    }

    /** SQL state class 08 (connection exception), 57P0x (server shutting down or starting), or the pool giving up. */
    static boolean isConnectionFailure(Throwable e) {
        return isConnectionFailure(e, 0);
    }

    /** Looks through causes and suppressed exceptions (where the transaction manager keeps a failed commit's). */
    private static boolean isConnectionFailure(Throwable e, int depth) {
        for (Throwable t = e; t != null && depth < 10; t = t.getCause() == t ? null : t.getCause(), depth++) {
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
            for (Throwable suppressed : t.getSuppressed()) {
                if (isConnectionFailure(suppressed, depth + 1)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Response unexpected(Throwable e, UriInfo uri, String what) {
        Log.errorf(e, "Unexpected %s on %s", what, path(uri));
        return Problem.of(500, "An unexpected error occurred; it has been logged", path(uri), List.of()).toResponse();
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
