package dev.slugline.common.http;

import dev.slugline.common.config.SluglineConfig;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Adds the configured {@code Cache-Control} ({@code slugline.http.cache-control}) to every successful public read.
 * A read made with credentials may show drafts, users or tokens: it is {@code private, no-store}, so no shared
 * cache (a CDN) keeps it.
 */
public class CacheControlFilter {

    private final String cacheControl;

    public CacheControlFilter(SluglineConfig config) {
        this.cacheControl = config.http().cacheControl();
    }

    @ServerResponseFilter
    public void cacheControl(ContainerRequestContext request, ContainerResponseContext response) {
        String method = request.getMethod();
        int status = response.getStatus();
        if ((HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method)) && (status == 200 || status == 304)
                && !response.getHeaders().containsKey(HttpHeaders.CACHE_CONTROL)) {
            boolean withCredentials = request.getHeaderString(HttpHeaders.AUTHORIZATION) != null;
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, withCredentials ? "private, no-store" : cacheControl);
        }
    }
}
