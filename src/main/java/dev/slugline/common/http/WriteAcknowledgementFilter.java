package dev.slugline.common.http;

import io.quarkus.runtime.BlockingOperationControl;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.time.Duration;
import java.util.Set;

/**
 * Before any write is acknowledged (its transaction has committed by now), this instance stops trusting its
 * in-memory content version and waits until its listener has heard of the change, so no reader of any instance
 * is served a cached response older than a write it was told about.
 */
public class WriteAcknowledgementFilter {

    private static final Set<String> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    private static final Duration MAX_WAIT = Duration.ofMillis(250);

    private final ContentVersion versions;

    public WriteAcknowledgementFilter(ContentVersion versions) {
        this.versions = versions;
    }

    @ServerResponseFilter
    public void beforeAcknowledging(ContainerRequestContext request, ContainerResponseContext response) {
        if (SAFE.contains(request.getMethod())) {
            return;
        }
        versions.localWriteAcknowledging();
        if (response.getStatus() < 400 && BlockingOperationControl.isBlockingAllowed()) {
            versions.awaitHeard(MAX_WAIT);
        }
    }
}
