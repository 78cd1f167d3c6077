package dev.slugline.importing;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "ImportReport", description = "What an import did (or, with dryRun, would do) to each file")
public record ImportReport(
        @Schema(description = "True when nothing was written") boolean dryRun,
        @Schema(description = "Files whose post or medium was created") int created,
        @Schema(description = "Files whose post (matched by slug) or medium (by path) changed") int updated,
        @Schema(description = "Files identical to what is stored: nothing written") int unchanged,
        @Schema(description = "Files refused; nothing of them was written") int failed,
        @Schema(description = "Files neither stored nor refused: Hugo section pages, the Hugo site's config, and files"
                + " whose bytes are no allowed media type (the reason names the type)") int skipped,
        @Schema(description = "Files whose post (by slug) or medium (by path) was changed through the API since it "
                + "was imported, or was never imported: nothing written (onConflict=overwrite replaces it)") int conflict,
        List<FileReport> files) {

    public enum Status { created, updated, unchanged, failed, skipped, conflict }

    /** {@code page}: a post file that became a standalone page (its front matter, or the Hugo site's mainSections). */
    public enum Kind { post, page, media }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Schema(name = "ImportedFile", description = "One file of the import")
    public record FileReport(
            @Schema(description = "Path inside the archive", example = "content/posts/hello/index.md") String path,
            Kind kind,
            Status status,
            @Schema(description = "The post's slug (after a suffix when several files claim one), or the medium's URL",
                    example = "edge-release-roundup-2021-03-04") String slug,
            @Schema(description = "The front matter field or part of the file that was refused", example = "date") String field,
            @Schema(description = "1-based line of the file", example = "3") Integer line,
            @Schema(description = "Why it failed or conflicts") String reason,
            @Schema(description = "Accepted, but worth knowing: no date, a missing image") List<String> warnings,
            @Schema(description = "The slug the file asked for (front matter or file name), when an older file of the "
                    + "import holds it and this one got a suffix", example = "edge-release-roundup") String wantedSlug) {

        public FileReport(String path, Kind kind, Status status, String slug, String field, Integer line, String reason,
                          List<String> warnings) {
            this(path, kind, status, slug, field, line, reason, warnings, null);
        }

        /** This report naming the slug the file asked for, when that differs from the one it got. */
        FileReport wanting(String wanted) {
            return wanted == null || wanted.equals(slug) ? this
                    : new FileReport(path, kind, status, slug, field, line, reason, warnings, wanted);
        }
    }

    static ImportReport of(boolean dryRun, List<FileReport> files) {
        int[] counts = new int[Status.values().length];
        files.forEach(f -> counts[f.status().ordinal()]++);
        return new ImportReport(dryRun, counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], files);
    }
}
