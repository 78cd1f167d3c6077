package dev.slugline.common.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slugline.common.config.SluglineConfig;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Conditional GETs and an in-memory cache for responses that depend on many posts (lists, searches, archive,
 * term pages, feeds). Their strong ETag is the shared {@link ContentVersion} plus a digest of the request URI and
 * media type, so every instance computes the same one, and a {@code 304} costs one tiny query. A cached response
 * is used only while the content version it was made at is still the current one: a change acknowledged by any
 * instance makes every instance compute afresh on the next request. Bodies are kept serialised, and each one is
 * also offered to {@link HotResponses}, which answers repeats of an anonymous request before it reaches REST.
 */
@ApplicationScoped
public class CachedReads {

    private record Cached(long version, Object entity, String mediaType, MultivaluedMap<String, Object> headers) {
    }

    /** A cacheable 200, or the other answer ({@code uncached}) that must not be kept. */
    private record Loaded(Cached cached, Response uncached) {
    }

    private final Map<String, CompletableFuture<Loaded>> inFlight = new ConcurrentHashMap<>();
    private final ContentVersion versions;
    private final ObjectMapper json;
    private final CurrentVertxRequest currentRequest;
    private final int maxEntries;
    private final RecentlyUsed<String, Cached> cache;

    public CachedReads(ContentVersion versions, SluglineConfig config, ObjectMapper json,
                       CurrentVertxRequest currentRequest) {
        this.versions = versions;
        this.json = json;
        this.currentRequest = currentRequest;
        this.maxEntries = config.http().responseCacheEntries();
        this.cache = new RecentlyUsed<>(maxEntries);
    }

    /**
     * {@code 304} if the client's copy is current, else the cached response of this version, else {@code fresh}.
     * Validate the request before calling this, so that a bad request is a 400 and never a 304.
     */
    public Response get(Request request, UriInfo uri, String mediaType, Supplier<Response> fresh) {
        ContentVersion.Snapshot snapshot = versions.current();
        String key = key(mediaType, uri);
        EntityTag etag = tag(snapshot, key);
        Date lastModified = Date.from(snapshot.changedAt().truncatedTo(ChronoUnit.SECONDS));
        Response.ResponseBuilder notModified = request.evaluatePreconditions(lastModified, etag);
        if (notModified != null) {
            return notModified.tag(etag).lastModified(lastModified).header(HttpHeaders.VARY, HttpHeaders.ACCEPT).build();
        }
        Loaded loaded = load(key, snapshot, mediaType, fresh);
        if (loaded.uncached() != null) {
            return loaded.uncached();
        }
        Cached cached = loaded.cached();
        offerToHotResponses(cached);
        Response.ResponseBuilder ok = Response.ok(cached.entity(), cached.mediaType());
        cached.headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)) {
                values.forEach(value -> ok.header(name, value));
            }
        });
        return ok.tag(etag).lastModified(lastModified).header(HttpHeaders.VARY, HttpHeaders.ACCEPT).build();
    }

    /** An answer that depends on who asks ({@code visibility=all}): never cached, by us or by anyone between. */
    public static Response privateAnswer(Response response) {
        return Response.fromResponse(response).header(HttpHeaders.CACHE_CONTROL, "private, no-store").build();
    }

    /**
     * The ETag that {@link #get} gives the request's URI now, for the {@code If-Match} of a write to the resource it
     * names (a term: its page shows its post count, so any change of content may change it).
     */
    public EntityTag currentTag(String mediaType, UriInfo uri) {
        return tag(versions.current(), key(mediaType, uri));
    }

    private static String key(String mediaType, UriInfo uri) {
        return mediaType + " " + uri.getRequestUri().getRawPath() + "?"
                + (uri.getRequestUri().getRawQuery() == null ? "" : uri.getRequestUri().getRawQuery());
    }

    private static EntityTag tag(ContentVersion.Snapshot snapshot, String key) {
        return new EntityTag("v" + snapshot.version() + "-" + digest(key));
    }

    /**
     * For a resource whose validators are its own (a single post: the ETag that {@code If-Match} of a write
     * expects): {@code fresh} builds the whole 200, with its ETag and Last-Modified, and is cached like the
     * others; any other status (301, 404) is returned as it is and not kept.
     */
    public Response getWithOwnValidators(Request request, UriInfo uri, String mediaType, Supplier<Response> fresh) {
        ContentVersion.Snapshot snapshot = versions.current();
        String key = "own " + mediaType + " " + uri.getRequestUri().getRawPath() + "?"
                + (uri.getRequestUri().getRawQuery() == null ? "" : uri.getRequestUri().getRawQuery());
        Loaded loaded = load(key, snapshot, mediaType, fresh);
        if (loaded.uncached() != null) {
            return loaded.uncached();
        }
        Cached cached = loaded.cached();
        Object tag = cached.headers().getFirst(HttpHeaders.ETAG);
        EntityTag etag = tag instanceof EntityTag e ? e : EntityTag.valueOf(String.valueOf(tag));
        Object modified = cached.headers().getFirst(HttpHeaders.LAST_MODIFIED);
        Response.ResponseBuilder response = modified instanceof Date date
                ? request.evaluatePreconditions(date, etag) : request.evaluatePreconditions(etag);
        if (response == null) {
            offerToHotResponses(cached);
            response = Response.ok(cached.entity(), cached.mediaType());
        }
        Response.ResponseBuilder builder = response;
        cached.headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        return builder.build();
    }

    /**
     * The cached 200 of this version, else computed once: concurrent misses of the same key and version wait for
     * one computation instead of all running the same queries. Any other status is returned as it is, uncached.
     */
    private Loaded load(String key, ContentVersion.Snapshot snapshot, String mediaType, Supplier<Response> fresh) {
        Cached cached = maxEntries > 0 ? cache.get(key) : null;
        if (cached != null && cached.version() == snapshot.version()) {
            return new Loaded(cached, null);
        }
        if (maxEntries <= 0) {
            return compute(key, snapshot, mediaType, fresh);
        }
        String flight = key + "@" + snapshot.version();
        CompletableFuture<Loaded> mine = new CompletableFuture<>();
        CompletableFuture<Loaded> running = inFlight.putIfAbsent(flight, mine);
        if (running != null) {
            Loaded shared;
            try {
                shared = running.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
            // a redirect or an error is this request's own to build
            return shared.cached() != null ? shared : compute(key, snapshot, mediaType, fresh);
        }
        try {
            Loaded loaded = compute(key, snapshot, mediaType, fresh);
            mine.complete(loaded);
            return loaded;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(flight);
        }
    }

    private Loaded compute(String key, ContentVersion.Snapshot snapshot, String mediaType, Supplier<Response> fresh) {
        Response response = fresh.get();
        if (response.getStatus() != 200) {
            return new Loaded(null, response);
        }
        Cached cached = new Cached(snapshot.version(), serialised(response.getEntity(), mediaType), mediaType,
                new MultivaluedHashMap<>(response.getHeaders()));
        if (maxEntries > 0) {
            cache.put(key, cached);
        }
        return new Loaded(cached, null);
    }

    /** JSON and text bodies as the bytes sent, so they are serialised once per version, not once per request. */
    private Object serialised(Object entity, String mediaType) {
        try {
            if (entity instanceof String text) {
                return text.getBytes(StandardCharsets.UTF_8);
            } else if (entity != null && !(entity instanceof byte[]) && mediaType.startsWith("application/json")) {
                return json.writeValueAsBytes(entity);
            }
            return entity;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Serialising a cached response failed", e);
        }
    }

    private void offerToHotResponses(Cached cached) {
        if (cached.entity() instanceof byte[] body) {
            RoutingContext context = currentRequest.getCurrent();
            if (context != null) {
                context.put(HotResponses.BODY, new HotResponses.Body(cached.version(), body));
            }
        }
    }

    /** Number of responses held, for tests and metrics. */
    public int size() {
        return cache.size();
    }

    private static String digest(String key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
