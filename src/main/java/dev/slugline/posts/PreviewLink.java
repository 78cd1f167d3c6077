package dev.slugline.posts;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;

@Schema(name = "PreviewLink", description = "A signed link that shows a draft without credentials until it expires")
public record PreviewLink(@Schema(description = "GET it without credentials") String url, String token,
                          OffsetDateTime expiresAt) {
}
