package dev.slugline.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** An account; {@link PasswordIdentityProvider} checks HTTP Basic credentials against this table. */
@Entity
@Table(name = "api_user")
public class ApiUser {

    @Id
    @SequenceGenerator(name = "api_user_seq", sequenceName = "api_user_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "api_user_seq")
    public Long id;

    @Column(nullable = false, unique = true, length = 100)
    public String username;

    /** A bcrypt hash in modular crypt format ({@code $2a$10$...}), never the password. */
    @Column(nullable = false, length = 200)
    public String password;

    /** One of {@link Roles#isAccountRole(String)}. */
    @Column(nullable = false, length = 16)
    public String role;

    @Column(nullable = false)
    public OffsetDateTime createdAt;
}
