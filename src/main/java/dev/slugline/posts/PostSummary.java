package dev.slugline.posts;

import dev.slugline.authors.AuthorRef;
import dev.slugline.rendering.FeatureImage;
import dev.slugline.taxonomy.TermRef;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;

@Schema(name = "PostSummary", description = "A post in a list: everything but the body")
public record PostSummary(
        @Schema(example = "1") long id,
        @Schema(example = "my-first-in-person-kubecon") String slug,
        @Schema(example = "My first in-person KubeCon") String title,
        String summary,
        @Schema(example = "published") PostStatus status,
        @Schema(example = "2024-04-07T11:05:09+05:00") OffsetDateTime publishedAt,
        OffsetDateTime updatedAt,
        List<TermRef> categories,
        List<TermRef> tags,
        @Schema(example = "812") int wordCount,
        @Schema(example = "4") int readingMinutes,
        @Schema(description = "Who wrote it, the main author first") List<AuthorRef> authors,
        @Schema(nullable = true) FeatureImage featureImage) {

    static PostSummary from(Post post) {
        return new PostSummary(post.id, post.slug, post.title, post.summary,
                post.effectiveStatus(java.time.OffsetDateTime.now()), post.publishedAt,
                post.updatedAt, TermRef.of(post.categories), TermRef.of(post.tags), post.wordCount,
                post.readingMinutes, PostView.authorRefs(post.authors), post.featureImage);
    }
}
