package dev.slugline.posts;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;

@Schema(name = "TrashItem", description = "A deleted post, restorable until purgeAt")
public record TrashItem(String slug, String title, OffsetDateTime deletedAt, String deletedBy, OffsetDateTime purgeAt,
                        @Schema(description = "The deleted post's ETag, for the If-Match of a restore", example = "\"12.3\"")
                        String etag) {
}
