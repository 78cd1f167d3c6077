package dev.slugline.authors;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Author", description = "Someone who writes posts, with a profile; not an account")
public record AuthorView(
        @Schema(description = "Addresses the author in filters and feeds", example = "alice") String slug,
        @Schema(description = "Display name", example = "Alice Martin") String name,
        @Schema(description = "A few words about the author; null until an editor sets one") String bio,
        @Schema(description = "Portrait URL", example = "/api/media/authors/alice.jpg") String profileImage,
        @Schema(description = "Banner URL for the author's page") String coverImage,
        @Schema(description = "The author's own site", example = "https://alice.example") String website,
        @Schema(example = "Paris") String location,
        @Schema(description = "Public posts by the author", example = "2") long postCount) {
}
