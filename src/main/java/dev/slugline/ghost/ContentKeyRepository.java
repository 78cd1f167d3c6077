package dev.slugline.ghost;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class ContentKeyRepository implements PanacheRepository<ContentKey> {

    /** The secrets of the keys not revoked (a handful: one per frontend). */
    public List<String> activeSecrets() {
        return getEntityManager().createQuery("select k.secret from ContentKey k where k.revokedAt is null", String.class)
                .getResultList();
    }

    public List<ContentKey> listNewestFirst() {
        return listAll(Sort.descending("createdAt", "id"));
    }
}
