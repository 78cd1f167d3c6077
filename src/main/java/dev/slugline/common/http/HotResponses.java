package dev.slugline.common.http;

import dev.slugline.common.config.SluglineConfig;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.core.Context;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Answers a repeated anonymous {@code GET} of a cached read (a post, a list, a feed) on the I/O thread, with the
 * bytes and headers the REST layer produced for the same URI and {@code Accept} at the current content version,
 * without a worker thread, a pooled connection or serialisation. It answers only if the content version, read after
 * the request arrived ({@link ContentVersion#fresh()}), is the one the copy was made at; anything else (credentials,
 * a miss, an old version, conditional headers other than {@code If-None-Match}, {@code HEAD}) goes on to REST. Filters that run
 * before it (request id and access log, CORS, security headers, metrics) see every request either way.
 *
 * <p>It runs before authentication ({@link SecurityHandlerPriorities#AUTHENTICATION}): requests with credentials
 * never get here, and an anonymous one then skips the authentication set-up and the URL template matching Quarkus REST
 * does for every request. The body is kept once in a direct buffer that every answer sends without copying it.
 */
@ApplicationScoped
public class HotResponses {

    /** Where {@link CachedReads} leaves the serialised body of the response it is producing. */
    static final String BODY = HotResponses.class.getName() + ".body";
    /** The route template Quarkus REST records for the metrics of a request. */
    private static final String URL_TEMPLATE = "UrlPathTemplate";
    private static final int PRIORITY = (SecurityHandlerPriorities.CORS + SecurityHandlerPriorities.AUTHENTICATION) / 2;
    private static final List<String> BYPASS = List.of("Authorization", "If-Modified-Since", "If-Match",
            "If-Unmodified-Since", "If-Range", "Range");

    record Body(long version, byte[] bytes) {
    }

    /** {@code body}: an unreleasable direct buffer, sent as a duplicate so that every answer reads it whole. */
    private record Entry(long version, ByteBuf body, List<Map.Entry<String, String>> headers, String etag,
                         Object urlTemplate) {
    }

    private final ContentVersion versions;
    private final int maxEntries;
    private final RecentlyUsed<String, Entry> entries;

    public HotResponses(ContentVersion versions, SluglineConfig config) {
        this.versions = versions;
        this.maxEntries = config.http().responseCacheEntries();
        this.entries = new RecentlyUsed<>(maxEntries);
    }

    void register(@Observes Filters filters) {
        filters.register(this::handle, PRIORITY);
    }

    void handle(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (maxEntries <= 0 || request.method() != HttpMethod.GET || bypasses(request.headers())) {
            context.next();
            return;
        }
        String key = request.uri() + "\n" + Optional.ofNullable(request.getHeader(HttpHeaders.ACCEPT)).orElse("");
        Entry entry = entries.get(key);
        if (entry == null) {
            passOn(context, key);
            return;
        }
        Context here = Vertx.currentContext();
        versions.fresh().whenComplete((current, failure) -> here.runOnContext(ignored -> {
            if (failure == null && current.version() == entry.version()) {
                answer(context, entry);
            } else {
                passOn(context, key);
            }
        }));
    }

    private static boolean bypasses(MultiMap headers) {
        for (String name : BYPASS) {
            if (headers.contains(name)) {
                return true;
            }
        }
        return false;
    }

    /** On to REST, keeping what it answers for the next request. */
    private void passOn(RoutingContext context, String key) {
        MultiMap before = MultiMap.caseInsensitiveMultiMap().addAll(context.response().headers());
        context.addHeadersEndHandler(ignored -> keep(context, key, before));
        context.next();
    }

    /** Number of responses held, for tests. */
    public int size() {
        return entries.size();
    }

    private void answer(RoutingContext context, Entry entry) {
        HttpServerResponse response = context.response();
        boolean notModified = EntityTags.matches(context.request().getHeader(HttpHeaders.IF_NONE_MATCH), entry.etag(), true);
        for (Map.Entry<String, String> header : entry.headers()) {
            if (!notModified || !HttpHeaders.CONTENT_TYPE.toString().equalsIgnoreCase(header.getKey())) {
                response.headers().add(header.getKey(), header.getValue());
            }
        }
        if (entry.urlTemplate() != null) {
            context.put(URL_TEMPLATE, entry.urlTemplate());
        }
        if (notModified) {
            response.setStatusCode(304).end();
        } else {
            response.setStatusCode(200).end(Buffer.buffer(entry.body().duplicate()));
        }
    }

    /** Keeps a 200 that {@link CachedReads} produced, with the headers that REST added after this filter. */
    private void keep(RoutingContext context, String key, MultiMap before) {
        Body body = context.get(BODY);
        HttpServerResponse response = context.response();
        if (body == null || response.getStatusCode() != 200) {
            return;
        }
        List<Map.Entry<String, String>> added = new ArrayList<>();
        for (String name : response.headers().names()) {
            if (HttpHeaders.CONTENT_LENGTH.toString().equalsIgnoreCase(name)) {
                continue;
            }
            List<String> earlier = new ArrayList<>(before.getAll(name));
            for (String value : response.headers().getAll(name)) {
                if (!earlier.remove(value)) {
                    added.add(Map.entry(name, value));
                }
            }
        }
        entries.put(key, new Entry(body.version(), directCopy(body.bytes()), List.copyOf(added),
                response.headers().get(HttpHeaders.ETAG), context.get(URL_TEMPLATE)));
    }

    /** A direct buffer the JVM frees with its last reference (no pooled memory to release by hand). */
    private static ByteBuf directCopy(byte[] bytes) {
        ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
        return Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(direct));
    }
}
