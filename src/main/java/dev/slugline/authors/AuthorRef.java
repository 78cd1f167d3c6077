package dev.slugline.authors;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AuthorRef", description = "An author as a post carries it; the first is the main author")
public record AuthorRef(
        @Schema(description = "Addresses the author: GET /api/authors/{slug}, ?author=", example = "alice") String slug,
        @Schema(description = "Display name", example = "Alice Martin") String name) {
}
