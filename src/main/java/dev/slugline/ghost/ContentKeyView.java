package dev.slugline.ghost;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;

@Schema(name = "ContentKey", description = "A Ghost Content API key. Public by design: it reads only published posts "
        + "and what anyone may read, so frontends may ship it")
public record ContentKeyView(
        @Schema(example = "3") long id,
        @Schema(description = "What a Ghost client sends as `key`", example = "22444f78447824223cefc48062") String key,
        @Schema(example = "Astro frontend") String name,
        @Schema(example = "admin") String createdBy,
        OffsetDateTime createdAt,
        @Schema(description = "When it stopped working; absent while it works") OffsetDateTime revokedAt) {

    static ContentKeyView from(ContentKey key) {
        return new ContentKeyView(key.id, key.secret, key.name, key.createdBy, key.createdAt, key.revokedAt);
    }
}
