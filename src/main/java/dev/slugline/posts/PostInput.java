package dev.slugline.posts;

import dev.slugline.authors.AuthorNames;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** A whole post as a client writes it: the body of {@code POST /api/posts} and {@code PUT /api/posts/{slug}}. */
@Schema(name = "PostInput", description = "A post to create, or the full new state of a post to replace")
public record PostInput(
        @Schema(description = "Title; surrounding spaces are trimmed", example = "My first in-person KubeCon")
        @NotBlank @Size(max = 300) String title,

        @Schema(description = "URL slug. On create, derived from the title when absent (a taken one gets -2, -3); "
                + "on replace, absent keeps the current slug. Case, accents and surrounding punctuation are normalised; "
                + "single dots between words are kept (announcing-linkerd-2.7); anything else that is not a slug "
                + "(a slash, '..', a slug of only dots) is refused.", example = "my-first-in-person-kubecon")
        @Size(max = 200) String slug,

        @Schema(description = "Plain-text summary; derived from the first paragraph when absent",
                example = "My first KubeCon in person, in Paris.")
        @Size(max = 2000) String summary,

        @Schema(description = "The body as CommonMark with GitHub tables, strikethrough, autolinks and task lists",
                example = "Hello **KubeCon**! 🚀")
        @NotNull @Size(max = 5_000_000) String markdown,

        @Schema(description = "draft, published or scheduled (published with a future publishedAt); published when absent", example = "published")
        PostStatus status,

        @Schema(description = "Publication date with its UTC offset, kept as written; now when publishing without one",
                example = "2024-04-07T11:05:09+05:00")
        OffsetDateTime publishedAt,

        @Schema(description = "Category names; a string may hold a comma list", example = "[\"cncf\", \"kubecon\"]")
        @Size(max = 100) List<String> categories,

        @Schema(description = "Tag names; a string may hold a comma list", example = "[\"kubecon\", \"community\"]")
        @Size(max = 100) List<String> tags,

        @Schema(description = "Other front matter keys, kept as given", example = "{\"images\": [\"cover.png\"]}")
        Map<String, Object> frontMatter,

        @Schema(description = "When the post leaves public view (Hugo's expiryDate); never when absent",
                example = "2030-01-01T00:00:00Z")
        OffsetDateTime expiresAt,

        @Schema(description = "page for a standalone page (About, Contact) that no list, feed or archive of posts "
                + "shows, read at /api/pages/{slug}; kept in the front matter as Hugo's `type: page`. post when absent",
                example = "post")
        @Pattern(regexp = "post|page", message = "must be post or page") String type,

        @Schema(description = "Author names, the main author first, one per string. On create, the writing account's "
                + "author when absent; on replace, absent keeps the current authors",
                example = "[\"Alice Martin\"]")
        @Size(max = 100) List<String> authors) {

    /** The same post without an expiry: for callers that have none to give. */
    public PostInput(String title, String slug, String summary, String markdown, PostStatus status,
                     OffsetDateTime publishedAt, List<String> categories, List<String> tags,
                     Map<String, Object> frontMatter) {
        this(title, slug, summary, markdown, status, publishedAt, categories, tags, frontMatter, null, null, null);
    }

    /** The same post with {@code expiresAt}, its kind in its front matter. */
    public PostInput(String title, String slug, String summary, String markdown, PostStatus status,
                     OffsetDateTime publishedAt, List<String> categories, List<String> tags,
                     Map<String, Object> frontMatter, OffsetDateTime expiresAt) {
        this(title, slug, summary, markdown, status, publishedAt, categories, tags, frontMatter, expiresAt, null, null);
    }

    /**
     * {@code type} moved into the front matter, where pages are recognised (V141) and exports write it: {@code page}
     * sets {@code type: page}, {@code post} removes a {@code type: page} (and Jekyll's {@code layout: page}).
     */
    public PostInput withTypeInFrontMatter() {
        if (type == null) {
            return this;
        }
        Map<String, Object> merged = new java.util.LinkedHashMap<>(frontMatter == null ? Map.of() : frontMatter);
        if (type.equals("page")) {
            merged.put("type", "page");
        } else {
            merged.remove("type", "page");
            merged.remove("layout", "page");
        }
        return new PostInput(title, slug, summary, markdown, status, publishedAt, categories, tags, merged, expiresAt, null,
                authors);
    }

    /**
     * The front matter's {@code authors} or {@code author} (Hugo's and Jekyll's spellings) as {@code authors}, unless
     * authors are given; a key that holds only names leaves the front matter (the authors say it all), one that
     * holds more ({@code {name, email}}, a linked byline) stays, so nothing a writer brought is lost.
     */
    public PostInput withAuthorsFromFrontMatter() {
        if (frontMatter == null || frontMatter.keySet().stream().noneMatch(AuthorNames::isAuthorKey)) {
            return this;
        }
        List<String> named = authors != null && !authors.isEmpty() ? authors : AuthorNames.fromFrontMatter(frontMatter);
        Map<String, Object> rest = new java.util.LinkedHashMap<>(frontMatter);
        rest.entrySet().removeIf(e -> AuthorNames.isAuthorKey(e.getKey()) && AuthorNames.onlyNames(e.getValue()));
        return new PostInput(title, slug, summary, markdown, status, publishedAt, categories, tags, rest, expiresAt, type,
                named.isEmpty() ? null : named);
    }

    /** The same post by these authors. */
    public PostInput withAuthors(List<String> names) {
        return new PostInput(title, slug, summary, markdown, status, publishedAt, categories, tags, frontMatter, expiresAt,
                type, names);
    }
}
