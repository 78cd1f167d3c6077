package dev.slugline.search;

import dev.slugline.authors.AuthorRef;
import dev.slugline.posts.PostStatus;
import dev.slugline.rendering.FeatureImage;
import dev.slugline.taxonomy.TermRef;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The shape of one item of {@link PostListing} and of related posts, for the OpenAPI document only: lists build their
 * items as maps holding just the fields asked for with {@code fields} ({@link SearchService}), so every property is
 * optional here.
 */
@Schema(name = "PostListItem", description = "A post in a list: the fields asked for with `fields`; by default "
        + "everything but markdown and html, plus rank and snippet when searching")
public record PostListItem(
        @Schema(example = "1") Long id,
        @Schema(example = "my-first-in-person-kubecon") String slug,
        @Schema(example = "My first in-person KubeCon") String title,
        @Schema(description = "Given, or derived from the first paragraph",
                example = "Yours truly, soaking up all the vibes at KubeCon 2024 in Paris! 🚀") String summary,
        @Schema(example = "published") PostStatus status,
        @Schema(description = "With the offset it was written with", example = "2024-04-07T11:05:09+05:00") OffsetDateTime publishedAt,
        OffsetDateTime updatedAt,
        List<TermRef> categories,
        List<TermRef> tags,
        @Schema(description = "Who wrote it, the main author first") List<AuthorRef> authors,
        @Schema(example = "812") Integer wordCount,
        @Schema(description = "Minutes to read", example = "4") Integer readingMinutes,
        @Schema(description = "Only when asked for with `fields`") String markdown,
        @Schema(description = "Only when asked for with `fields`: the safe HTML fragment") String html,
        @Schema(description = "Search relevance (with `q`)", example = "0.6") Float rank,
        @Schema(description = "Matching words in context, marked with <mark> (with `q`)") String snippet,
        @Schema(description = "From the front matter; null when it names none", nullable = true) FeatureImage featureImage) {
}
