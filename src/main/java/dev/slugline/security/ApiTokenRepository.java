package dev.slugline.security;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class ApiTokenRepository implements PanacheRepository<ApiToken> {

    /** A token that is neither revoked nor expired, by the hash of its secret. */
    public Optional<ApiToken> findUsable(String tokenHash) {
        return find("tokenHash = ?1 and revokedAt is null and (expiresAt is null or expiresAt > instant)", tokenHash)
                .firstResultOptional();
    }

    public List<ApiToken> listOf(String username) {
        return list("user.username", Sort.descending("createdAt").and("id", Sort.Direction.Descending), username);
    }

    public List<ApiToken> listEvery() {
        return listAll(Sort.descending("createdAt").and("id", Sort.Direction.Descending));
    }
}
