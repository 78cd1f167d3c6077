package dev.slugline.security;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;

@Schema(name = "Token", description = "An API token as listed: never its secret")
public record TokenView(@Schema(example = "7") long id, @Schema(example = "static site build") String name,
                        @Schema(example = "alice") String owner, boolean readOnly, OffsetDateTime expiresAt,
                        OffsetDateTime createdAt, OffsetDateTime revokedAt) {

    static TokenView from(ApiToken token) {
        return new TokenView(token.id, token.name, token.user.username, token.readOnly, token.expiresAt,
                token.createdAt, token.revokedAt);
    }
}
