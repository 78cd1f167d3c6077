package dev.slugline.posts;

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
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TimeZoneColumn;
import org.hibernate.annotations.TimeZoneStorage;
import org.hibernate.annotations.TimeZoneStorageType;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.LinkedHashMap;
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

    @TimeZoneStorage(TimeZoneStorageType.COLUMN)
    @TimeZoneColumn(name = "published_offset")
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

    @ManyToMany
    @JoinTable(name = "post_category",
            joinColumns = @JoinColumn(name = "post_id"), inverseJoinColumns = @JoinColumn(name = "category_id"))
    public Set<Category> categories = new HashSet<>();

    @ManyToMany
    @JoinTable(name = "post_tag",
            joinColumns = @JoinColumn(name = "post_id"), inverseJoinColumns = @JoinColumn(name = "tag_id"))
    public Set<Tag> tags = new HashSet<>();

    /** Issue 4: the path of the file the post was imported from, kept so an export puts it back there. */
    @Column(length = 1000)
    public String sourcePath;

    /** Issue 4: hash of the imported file's content; equal on re-import means unchanged. Any other write clears it. */
    @Column(length = 64)
    public String importHash;
}
