package dev.slugline.operations;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * The first thing every HTTP request meets (REST, health, metrics, Swagger UI): gives it a request id (a sane incoming
 * {@code X-Request-Id} is kept, anything else replaced), echoes it, and writes one log line when the response ends.
 * Bodies over {@code quarkus.http.limits.max-body-size} are refused next, by {@link BodyLimit}.
 */
@ApplicationScoped
public class RequestLog {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final Pattern PREVIEW_TOKEN = Pattern.compile("^(/api/previews/)[^/?#]+");
    private static final Logger ACCESS = Logger.getLogger("dev.slugline.access");

    private final MeterRegistry registry;

    public RequestLog(MeterRegistry registry) {
        this.registry = registry;
    }

    void register(@Observes Filters filters) {
        filters.register(this::handle, 1000);
    }

    void handle(RoutingContext rc) {
        long start = System.nanoTime();
        String incoming = rc.request().getHeader(HEADER);
        String id = incoming != null && SANE_ID.matcher(incoming).matches() ? incoming : newId();
        rc.put(MDC_KEY, id);
        MDC.put(MDC_KEY, id);
        rc.response().putHeader(HEADER, id);
        rc.addEndHandler(done -> {
            int status = rc.response().getStatusCode();
            long micros = (System.nanoTime() - start) / 1_000;
            MDC.put(MDC_KEY, id);
            // "closed": the connection ended before an answer (a client gone, a read timeout)
            ACCESS.infof("%s %s %s %d.%03dms id=%s", rc.request().method(), withoutSecrets(rc.request().uri()),
                    rc.response().ended() ? Integer.toString(status) : "closed", micros / 1000, micros % 1000, id);
            if (status >= 400) {
                registry.counter("slugline.http.problems", "status", Integer.toString(status)).increment();
            }
        });
        rc.next();
    }

    /** The URI as logged: a preview link's token is a secret (it reads an unpublished post), so it is left out. */
    static String withoutSecrets(String uri) {
        return PREVIEW_TOKEN.matcher(uri).replaceFirst("$1…");
    }

    /**
     * A random (version 4) UUID from the thread's own generator: ids need to be unique, not unguessable, and
     * {@link UUID#randomUUID()} makes every request queue on one shared {@code SecureRandom}.
     */
    static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
