package dev.slugline.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;

@Schema(name = "TokenCreate", description = "A new API token for the calling user")
public record TokenCreate(
        @Schema(description = "What the token is for", example = "static site build") @NotBlank @Size(max = 100) String name,
        @Schema(description = "When the token stops working; never when absent", example = "2030-01-01T00:00:00Z")
        OffsetDateTime expiresAt,
        @Schema(description = "A read-only token may read drafts and scheduled posts but write nothing", example = "true")
        Boolean readOnly) {
}
