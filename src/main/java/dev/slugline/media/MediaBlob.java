package dev.slugline.media;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** The bytes of a file, once per SHA-256, so the same image imported or uploaded twice is stored once. */
@Entity
public class MediaBlob {

    @Id
    @Column(length = 64)
    public String sha256;

    public long size;

    @Column(nullable = false)
    public byte[] data;
}
