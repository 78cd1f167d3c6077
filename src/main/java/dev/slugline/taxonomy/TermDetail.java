package dev.slugline.taxonomy;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TermDetail", description = "A category or tag for its own page")
public record TermDetail(
        @Schema(description = "Addresses the term in filters", example = "kubecon") String slug,
        @Schema(description = "Display name", example = "KubeCon") String name,
        @Schema(description = "What the term is about; null until an editor sets one") String description,
        @Schema(description = "Public posts carrying the term", example = "2") long postCount) {
}
