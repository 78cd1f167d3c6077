package dev.slugline.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "UserCreate", description = "A new account")
public record UserCreate(
        @Schema(example = "alice") @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._@-]+",
                message = "use letters, digits, dots, underscores, @ and hyphens") String username,
        @Schema(description = "At least 12 characters (slugline.security.min-password-length)", example = "correct horse battery")
        @NotNull @Size(max = 200) String password,
        @Schema(description = "admin, editor or author", example = "editor")
        @NotNull @Pattern(regexp = "admin|editor|author", message = "must be admin, editor or author") String role) {
}
