package dev.slugline.operations;

import dev.slugline.common.http.ContentVersion;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness follows the same outage state as {@link DatabaseOutageFilter}: DOWN while the shared content-version
 * reader is refused by PostgreSQL. The datasource's own check alone turned UP while requests still got 503s.
 */
@Readiness
@ApplicationScoped
public class ContentVersionReadiness implements HealthCheck {

    private final ContentVersion versions;

    public ContentVersionReadiness(ContentVersion versions) {
        this.versions = versions;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("PostgreSQL as requests see it").status(versions.isReachable()).build();
    }
}
