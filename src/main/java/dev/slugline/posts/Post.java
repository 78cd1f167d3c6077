package dev.slugline.posts;

import dev.slugline.authors.Author;
import dev.slugline.rendering.FeatureImage;
import dev.slugline.taxonomy.Category;
import dev.slugline.taxonomy.Tag;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TimeZoneColumn;
import org.hibernate.annotations.TimeZoneStorage;
import org.hibernate.annotations.TimeZoneStorageType;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

@Entity
public class Post {

    @Id
    @SequenceGenerator(name = "post_seq", sequenceName = "post_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "post_seq")
    public Long id;

    @Column(nullable = false, unique = true, length = 200)
    public String slug;

    @Column(nullable = false, length = 300)
    public String title;

    @Column(nullable = false)
    public String summary;

    /** The body is only loaded where it is shown, not for list pages. */
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    public String markdown;

    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    public String html;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public PostStatus status;

    /** {@code post} or {@code page}, which PostgreSQL derives from the front matter (V141). */
    @Column(insertable = false, updatable = false, length = 8)
    public String kind;

    @TimeZoneStorage(TimeZoneStorageType.COLUMN)
    @TimeZoneColumn(name = "published_offset")
    @Column(name = "published_at")
    public OffsetDateTime publishedAt;

    public int wordCount;

    public int readingMinutes;

    /** Front matter keys Slugline has no field for, kept so that nothing a writer brought is lost. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, Object> frontMatter = new LinkedHashMap<>();

    @Column(nullable = false)
    public OffsetDateTime createdAt;

    @Column(nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    /**
     * {@code published_at} once more, as a plain instant, for queries: with its offset column {@link #publishedAt}
     * is a pair that HQL cannot compare with the clock. Read-only; may be stale in memory until reloaded.
     */
    @Column(name = "published_at", insertable = false, updatable = false)
    public java.time.Instant publishedInstant;

    /** The user who created the post; an author may change only their own. */
    @Column(length = 100)
    public String createdBy;

    /** When the post leaves public view (Hugo's expiryDate); never when null. */
    public OffsetDateTime expiresAt;

    /** Set while the post is in the trash. */
    public OffsetDateTime deletedAt;

    @Column(length = 100)
    public String deletedBy;

    /** Whether the post.published event for its current publication has been written. */
    public boolean publishAnnounced;

    /** Draft, scheduled (published with a future date) or published, as clients see it. Mirrors {@link PostRepository#PUBLIC}. */
    public PostStatus effectiveStatus(OffsetDateTime now) {
        return effectiveStatus(status, publishedAt, now);
    }

    static PostStatus effectiveStatus(PostStatus status, OffsetDateTime publishedAt, OffsetDateTime now) {
        if (status == PostStatus.DRAFT) {
            return PostStatus.DRAFT;
        }
        return publishedAt != null && publishedAt.isAfter(now) ? PostStatus.SCHEDULED : PostStatus.PUBLISHED;
    }

    /** Whether the public sees the post at {@code now}: the Java twin of {@link PostRepository#PUBLIC}. */
    public boolean isPublicAt(OffsetDateTime now) {
        return isPublic(status, publishedAt, expiresAt, deletedAt, now);
    }

    /** {@link #isPublicAt} for a post's values without its entity (imports). */
    static boolean isPublic(PostStatus status, OffsetDateTime publishedAt, OffsetDateTime expiresAt,
                            OffsetDateTime deletedAt, OffsetDateTime now) {
        return deletedAt == null && status == PostStatus.PUBLISHED
                && (publishedAt == null || !publishedAt.isAfter(now))
                && (expiresAt == null || expiresAt.isAfter(now));
    }

    @ManyToMany
    @JoinTable(name = "post_category",
            joinColumns = @JoinColumn(name = "post_id"), inverseJoinColumns = @JoinColumn(name = "category_id"))
    public Set<Category> categories = new HashSet<>();

    @ManyToMany
    @JoinTable(name = "post_tag",
            joinColumns = @JoinColumn(name = "post_id"), inverseJoinColumns = @JoinColumn(name = "tag_id"))
    public Set<Tag> tags = new HashSet<>();

    /** Who wrote it, the main author first (issue 15); at least one once written. */
    @ManyToMany
    @JoinTable(name = "post_author",
            joinColumns = @JoinColumn(name = "post_id"), inverseJoinColumns = @JoinColumn(name = "author_id"))
    @OrderColumn(name = "position")
    public List<Author> authors = new ArrayList<>();

    /** Issue 4: the path of the file the post was imported from, kept so an export puts it back there. */
    @Column(length = 1000)
    public String sourcePath;

    /** Issue 4: hash of the imported file's content; equal on re-import means unchanged. Any other write clears it. */
    @Column(length = 64)
    public String importHash;

    /** The feature image as written, its relative path resolved by the import that wrote it; null when none (V150). */
    @JdbcTypeCode(SqlTypes.JSON)
    public FeatureImage featureImage;

    /** The feature image's path as written when an import resolved it to a medium ({@code cover.png}); else null. */
    @Column(length = 2000)
    public String featureImageSource;
}
