package dev.slugline.posts;

import dev.slugline.authors.Author;
import dev.slugline.authors.AuthorRef;
import dev.slugline.rendering.FeatureImage;
import dev.slugline.taxonomy.TermRef;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

@Schema(name = "Post", description = "A whole post, with its Markdown rendered to HTML")
public record PostView(
        @Schema(example = "1") long id,
        @Schema(example = "my-first-in-person-kubecon") String slug,
        @Schema(example = "My first in-person KubeCon") String title,
        @Schema(description = "Given, or derived from the first paragraph") String summary,
        @Schema(example = "published") PostStatus status,
        @Schema(description = "With the offset it was written with", example = "2024-04-07T11:05:09+05:00") OffsetDateTime publishedAt,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        @Schema(description = "The Markdown as written") String markdown,
        @Schema(description = "Safe HTML fragment rendered from the Markdown") String html,
        List<TermRef> categories,
        List<TermRef> tags,
        @Schema(example = "812") int wordCount,
        @Schema(description = "Minutes to read", example = "4") int readingMinutes,
        @Schema(description = "Front matter keys with no field of their own") Map<String, Object> frontMatter,
        @Schema(description = "Increases with every change; the ETag carries it", example = "0") long version,
        @Schema(description = "When the post leaves public view; never when absent") OffsetDateTime expiresAt,
        @Schema(description = "The user who created the post", example = "alice") String createdBy,
        @Schema(description = "post, or page: a standalone page (About) that no list or feed of posts shows",
                example = "post") String type,
        @Schema(description = "Who wrote it, the main author first") List<AuthorRef> authors,
        @Schema(description = "From the front matter; null when it names none (or only an unsafe URL)", nullable = true)
        FeatureImage featureImage) {

    static PostView from(Post post) {
        return from(post, post.markdown, post.html, TermRef.of(post.categories), TermRef.of(post.tags),
                authorRefs(post.authors));
    }

    /** With bodies and terms read by the caller, so that the lazy ones are not loaded one statement each. */
    static PostView from(Post post, String markdown, String html, List<TermRef> categories, List<TermRef> tags,
                         List<AuthorRef> authors) {
        return new PostView(post.id, post.slug, post.title, post.summary,
                post.effectiveStatus(java.time.OffsetDateTime.now()), post.publishedAt,
                post.createdAt, post.updatedAt, markdown, html, categories, tags, post.wordCount,
                post.readingMinutes, post.frontMatter, post.version, post.expiresAt, post.createdBy,
                Kinds.of(post.frontMatter, post.sourcePath), authors, post.featureImage);
    }

    /**
     * With its terms from {@link PostRepository#termsOf} rows (kind, slug, name): categories and tags by slug,
     * authors in the post's order (the rows come in it).
     */
    static PostView from(Post post, String markdown, String html, List<Object[]> termRows) {
        List<TermRef> categories = new java.util.ArrayList<>();
        List<TermRef> tags = new java.util.ArrayList<>();
        List<AuthorRef> authors = new java.util.ArrayList<>();
        for (Object[] row : termRows) {
            if ("author".equals(row[0])) {
                authors.add(new AuthorRef((String) row[1], (String) row[2]));
            } else {
                ("category".equals(row[0]) ? categories : tags).add(new TermRef((String) row[1], (String) row[2]));
            }
        }
        categories.sort(TermRef.BY_SLUG);
        tags.sort(TermRef.BY_SLUG);
        return from(post, markdown, html, categories, tags, authors);
    }

    static List<AuthorRef> authorRefs(List<Author> authors) {
        return authors.stream().map(a -> new AuthorRef(a.slug, a.name)).toList();
    }

    /** A strong entity tag: the same on every instance, new with every change. */
    public String etag() {
        return "\"" + id + "." + version + "\"";
    }
}
