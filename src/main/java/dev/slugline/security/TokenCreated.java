package dev.slugline.security;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;

@Schema(name = "TokenCreated", description = "A new API token, with its secret: shown this once, stored only as a hash")
public record TokenCreated(@Schema(example = "7") long id, String name,
                           @Schema(description = "Send as Authorization: Bearer <token>", example = "slg_3q2...") String token,
                           boolean readOnly, OffsetDateTime expiresAt) {
}
