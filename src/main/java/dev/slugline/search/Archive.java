package dev.slugline.search;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** Public posts counted per year and month of the date they were written on (in their own offset). */
@Schema(name = "Archive", description = "Public posts per year and month, newest first")
public record Archive(
        @Schema(description = "All dated public posts", example = "42") long totalItems,
        List<Year> years) {

    @Schema(name = "ArchiveYear")
    public record Year(@Schema(example = "2024") int year, @Schema(example = "12") long count, List<Month> months) {
    }

    @Schema(name = "ArchiveMonth")
    public record Month(@Schema(description = "1 to 12", example = "4") int month, @Schema(example = "3") long count) {
    }
}
