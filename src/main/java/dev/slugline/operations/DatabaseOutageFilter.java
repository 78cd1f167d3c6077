package dev.slugline.operations;

import dev.slugline.common.http.ContentVersion;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * While PostgreSQL is known to be down, every API request (writes included) gets its 503 problem at once from
 * {@link DatabaseUnavailableMapper}, instead of waiting for a connection the pool cannot make.
 */
public class DatabaseOutageFilter {

    private final ContentVersion versions;

    public DatabaseOutageFilter(ContentVersion versions) {
        this.versions = versions;
    }

    @ServerRequestFilter
    public void refuseDuringOutage() {
        versions.requireReachable();
    }
}
