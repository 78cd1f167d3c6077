package dev.slugline.ghost;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** A Ghost Content API key: 26 hexadecimal characters a frontend sends as {@code key}. */
@Entity
@Table(name = "content_api_key")
public class ContentKey {

    @Id
    @SequenceGenerator(name = "content_api_key_seq", sequenceName = "content_api_key_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "content_api_key_seq")
    public Long id;

    @Column(nullable = false, length = 26)
    public String secret;

    @Column(nullable = false, length = 100)
    public String name;

    @Column(nullable = false, length = 100)
    public String createdBy;

    @Column(nullable = false)
    public OffsetDateTime createdAt;

    public OffsetDateTime revokedAt;
}
