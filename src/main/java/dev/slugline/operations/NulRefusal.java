package dev.slugline.operations;

import dev.slugline.common.errors.Problem;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;

/**
 * A NUL character ({@code %00}) in the path or the query is a 400 problem before anything reads it: PostgreSQL text
 * cannot hold NUL, so a slug, a media path or a search term carrying one would otherwise fail in the database.
 */
@ApplicationScoped
public class NulRefusal {

    void register(@Observes Filters filters) {
        // after RequestLog (1000) and BodyLimit (999), so that the refusal has a request id and is logged
        filters.register(this::refuseNul, 998);
    }

    private void refuseNul(RoutingContext rc) {
        String uri = rc.request().uri();
        int query = uri.indexOf('?');
        String field = hasNul(query < 0 ? uri : uri.substring(0, query)) ? "path"
                : query >= 0 && hasNul(uri.substring(query)) ? "query" : null;
        if (field == null) {
            rc.next();
            return;
        }
        String detail = "The " + field + " holds a NUL character (%00)";
        rc.response().setStatusCode(400)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(Json.encode(Problem.of(400, detail, rc.request().path(), List.of(new Problem.Violation(field, detail)))));
    }

    private static boolean hasNul(String raw) {
        return raw.indexOf('\0') >= 0 || raw.contains("%00"); // digits only: no other spelling
    }
}
