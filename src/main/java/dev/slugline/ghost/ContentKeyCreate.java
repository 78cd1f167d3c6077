package dev.slugline.ghost;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ContentKeyCreate", description = "A new Ghost Content API key")
public record ContentKeyCreate(
        @Schema(description = "What the key is for", example = "Astro frontend") @NotBlank @Size(max = 100) String name) {
}
