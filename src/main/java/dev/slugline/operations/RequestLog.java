package dev.slugline.operations;

import dev.slugline.common.errors.Problem;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The first thing every HTTP request meets (REST, health, metrics, Swagger UI): gives it a request id (a sane incoming
 * {@code X-Request-Id} is kept, anything else replaced), echoes it, writes one log line when the response ends, and
 * refuses a declared body over {@code quarkus.http.limits.max-body-size} with a 413 problem before anything reads it.
 */
@ApplicationScoped
public class RequestLog {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final Logger ACCESS = Logger.getLogger("dev.slugline.access");

    private final MeterRegistry registry;
    private final long maxBodySize;

    public RequestLog(MeterRegistry registry,
                      @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.registry = registry;
        this.maxBodySize = maxBodySize.asLongValue();
    }

    void register(@Observes Filters filters) {
        filters.register(this::handle, 1000);
    }

    void handle(RoutingContext rc) {
        long start = System.nanoTime();
        String incoming = rc.request().getHeader(HEADER);
        String id = incoming != null && SANE_ID.matcher(incoming).matches() ? incoming : UUID.randomUUID().toString();
        rc.put(MDC_KEY, id);
        MDC.put(MDC_KEY, id);
        rc.response().putHeader(HEADER, id);
        rc.addEndHandler(done -> {
            int status = rc.response().getStatusCode();
            long micros = (System.nanoTime() - start) / 1_000;
            MDC.put(MDC_KEY, id);
            ACCESS.infof("%s %s %d %d.%03dms id=%s", rc.request().method(), rc.request().uri(), status,
                    micros / 1000, micros % 1000, id);
            if (status >= 400) {
                registry.counter("slugline.http.problems", "status", Integer.toString(status)).increment();
            }
        });
        if (tooLarge(rc.request().getHeader(HttpHeaders.CONTENT_LENGTH))) {
            String detail = "The request body is larger than the limit of " + maxBodySize + " bytes";
            rc.response().setStatusCode(413)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(io.vertx.core.json.Json.encode(Problem.of(413, detail, rc.request().path(),
                            java.util.List.of(new Problem.Violation("body", detail)))));
            return;
        }
        rc.next();
    }

    private boolean tooLarge(String contentLength) {
        if (contentLength == null) {
            return false;
        }
        try {
            return Long.parseLong(contentLength.trim()) > maxBodySize;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
