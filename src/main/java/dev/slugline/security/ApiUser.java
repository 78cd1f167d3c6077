package dev.slugline.security;

import io.quarkus.security.jpa.Password;
import io.quarkus.security.jpa.PasswordType;
import io.quarkus.security.jpa.Roles;
import io.quarkus.security.jpa.UserDefinition;
import io.quarkus.security.jpa.Username;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** An account; quarkus-security-jpa checks HTTP Basic credentials against this table. */
@Entity
@Table(name = "api_user")
@UserDefinition
public class ApiUser {

    @Id
    @SequenceGenerator(name = "api_user_seq", sequenceName = "api_user_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "api_user_seq")
    public Long id;

    @Username
    @Column(nullable = false, unique = true, length = 100)
    public String username;

    /** A bcrypt hash in modular crypt format ({@code $2a$10$...}), never the password. */
    @Password(PasswordType.MCF)
    @Column(nullable = false, length = 200)
    public String password;

    @Roles
    @Column(nullable = false, length = 16)
    public String role;

    @Column(nullable = false)
    public OffsetDateTime createdAt;
}
