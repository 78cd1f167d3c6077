package dev.slugline.posts;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "RevisionDiff", description = "What changed between two revisions")
public record RevisionDiff(int from, int to,
                           @Schema(description = "Fields other than the Markdown whose value differs") List<FieldChange> fields,
                           @Schema(description = "The Markdown as a line diff: lines starting with ' ', '-' or '+'")
                           List<String> markdown) {

    @Schema(name = "FieldChange")
    public record FieldChange(String field, Object before, Object after) {
    }
}
