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

    public boolean anyAdmin() {
        return count("role", Roles.ADMIN) > 0;
    }
}
