package dev.slugline.security;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class ApiUserRepository implements PanacheRepository<ApiUser> {

    public Optional<ApiUser> findByUsername(String username) {
        return find("username", username).firstResultOptional();
    }

    public List<ApiUser> listAll() {
        return listAll(Sort.ascending("username"));
    }

    // The two lookups of the first-admin check at startup are plain SQL: the first HQL query of a process builds
    // Hibernate's query parser and translator, which costs a start several hundred milliseconds on two cores.

    public boolean anyAdmin() {
        return (Boolean) getEntityManager()
                .createNativeQuery("select exists (select 1 from api_user where role = :role)", Boolean.class)
                .setParameter("role", Roles.ADMIN).getSingleResult();
    }

    public boolean existsByUsername(String username) {
        return (Boolean) getEntityManager()
                .createNativeQuery("select exists (select 1 from api_user where username = :username)", Boolean.class)
                .setParameter("username", username).getSingleResult();
    }
}
