package dev.slugline.search;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/** The body of {@code GET /api/posts}: the {@code Page} envelope plus the keyset cursor of what follows. */
@Schema(name = "PostListing", description = "One page of posts. Items hold the fields asked for with `fields` "
        + "(by default everything but markdown and html; rank and snippet when searching)")
public record PostListing(
        @Schema(description = "The posts on this page, each with the fields asked for", type = SchemaType.ARRAY,
                implementation = PostListItem.class) List<Map<String, Object>> items,
        @Schema(description = "This page's number, from 1; null when paging with a cursor", example = "1") Integer page,
        @Schema(description = "The page size asked for", example = "10") int size,
        @Schema(description = "Posts matching on all pages", example = "42") long totalItems,
        @Schema(description = "Number of pages", example = "5") int totalPages,
        @Schema(description = "Opaque cursor of the page after this one (pass it as `cursor`); null on the last page")
        String next) {
}
