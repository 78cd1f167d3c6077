package dev.slugline.samples;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** The one-row claim on the sample content (table {@code sample_content_claim}). */
@ApplicationScoped
public class SampleContentRepository {

    private final EntityManager em;

    public SampleContentRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * Claims the first start: true for exactly one caller ever (a second instance waits for the first one's
     * transaction, then gets false). {@code imported} records whether the database was empty.
     */
    public boolean claim(boolean imported) {
        return em.createNativeQuery("insert into sample_content_claim (id, imported) values (1, ?1) on conflict (id) do nothing")
                .setParameter(1, imported)
                .executeUpdate() == 1;
    }

    /** Whether any post exists, trashed ones included. */
    public boolean anyPost() {
        return !em.createNativeQuery("select 1 from post limit 1").getResultList().isEmpty();
    }
}
