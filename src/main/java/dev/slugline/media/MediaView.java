package dev.slugline.media;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;

@Schema(name = "Media", description = "A stored file and the URL it is served at")
public record MediaView(
        @Schema(example = "51") long id,
        @Schema(description = "Path in the imported folder or given on upload", example = "content/kubecon/gate.png") String path,
        @Schema(description = "Detected from the bytes", example = "image/png") String contentType,
        @Schema(example = "48213") long size,
        @Schema(description = "SHA-256 of the bytes, hex; also the strong ETag") String sha256,
        @Schema(description = "Where it is served", example = "/api/media/content/kubecon/gate.png") String url,
        OffsetDateTime createdAt) {

    static MediaView from(Media m) {
        return new MediaView(m.id, m.path, m.contentType, m.size, m.sha256, MediaService.url(m.path), m.createdAt);
    }
}
