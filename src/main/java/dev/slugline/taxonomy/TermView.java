package dev.slugline.taxonomy;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Term", description = "A category or tag with the number of published posts that carry it")
public record TermView(
        @Schema(description = "Addresses the term in filters", example = "kubecon") String slug,
        @Schema(description = "Display name", example = "KubeCon") String name,
        @Schema(description = "Published posts carrying the term", example = "2") long postCount) {
}
