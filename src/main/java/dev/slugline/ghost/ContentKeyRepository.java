package dev.slugline.ghost;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class ContentKeyRepository implements PanacheRepository<ContentKey> {

    public boolean isActive(String secret) {
        return count("secret = ?1 and revokedAt is null", secret) > 0;
    }

    public List<ContentKey> listNewestFirst() {
        return listAll(Sort.descending("createdAt", "id"));
    }
}
