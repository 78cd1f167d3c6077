package dev.slugline.posts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.Map;

/** A post as it was after one change: who made it, when, and the whole content. */
@Entity
@Table(name = "post_revision")
public class PostRevision {

    @Id
    @SequenceGenerator(name = "post_revision_seq", sequenceName = "post_revision_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "post_revision_seq")
    public Long id;

    @Column(nullable = false)
    public Long postId;

    /** 1, 2, 3… per post. */
    public int number;

    /** create, update, patch, restore, trash, untrash. */
    @Column(nullable = false, length = 16)
    public String action;

    @Column(length = 100)
    public String author;

    @Column(nullable = false)
    public OffsetDateTime createdAt;

    /** A {@link PostInput} as JSON. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, Object> content;
}
