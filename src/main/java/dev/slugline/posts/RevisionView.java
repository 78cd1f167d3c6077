package dev.slugline.posts;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;

@Schema(name = "Revision", description = "A post as it was after one change")
public record RevisionView(@Schema(example = "3") int number, @Schema(example = "update") String action,
                           @Schema(example = "alice") String author, OffsetDateTime createdAt,
                           @Schema(description = "The whole post as written then; absent in lists") PostInput content) {
}
