package dev.slugline.common.http;

import jakarta.enterprise.context.ApplicationScoped;
import dev.slugline.common.sql.SqlValues;
import jakarta.persistence.EntityManager;

import java.time.Instant;

/**
 * The counter that database triggers move with every change readers could see (migration V51). Shared by all
 * instances through PostgreSQL, it is what list ETags, Last-Modified and the response cache are checked against.
 */
@ApplicationScoped
public class ContentVersion {

    public record Snapshot(long version, Instant changedAt) {
    }

    private final EntityManager em;

    public ContentVersion(EntityManager em) {
        this.em = em;
    }

    public Snapshot current() {
        Object[] row = (Object[]) em.createNativeQuery("select version, changed_at from content_version where id = 1")
                .getSingleResult();
        return new Snapshot(((Number) row[0]).longValue(), SqlValues.instant(row[1]));
    }
}
