package dev.slugline.media;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

import java.time.OffsetDateTime;

/** A file (an image) addressed by its path; its bytes are a {@link MediaBlob} shared by all files with that hash. */
@Entity
public class Media {

    @Id
    @SequenceGenerator(name = "media_seq", sequenceName = "media_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "media_seq")
    public Long id;

    /** Where the file was in the imported folder, or where it was uploaded to: {@code content/posts/x/cover.png}. */
    @Column(nullable = false, unique = true, length = 1000)
    public String path;

    /** As detected from the bytes. */
    @Column(nullable = false, length = 200)
    public String contentType;

    @Column(nullable = false, length = 64)
    public String sha256;

    public long size;

    /** The hash of the bytes an import last wrote here; unlike {@link #sha256} after an upload replaced them. */
    @Column(length = 64)
    public String importedSha256;

    @Column(nullable = false)
    public OffsetDateTime createdAt;

    @Column(nullable = false)
    public OffsetDateTime updatedAt;
}
