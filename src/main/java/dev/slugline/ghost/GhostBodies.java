package dev.slugline.ghost;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/** The envelopes of the Ghost Content API's answers, for the OpenAPI document (the service builds them as maps). */
final class GhostBodies {

    private GhostBodies() {
    }

    @Schema(name = "GhostPagination")
    record Pagination(int page, @Schema(description = "A number, or \"all\"") Object limit, int pages, long total,
                      Integer next, Integer prev) {
    }

    @Schema(name = "GhostMeta")
    record Meta(Pagination pagination) {
    }

    @Schema(name = "GhostPost", description = "A post or page in Ghost's field names; `fields` picks some of them")
    record Post(String id, String uuid, String title, String slug, String html, String plaintext, String excerpt,
                String feature_image, boolean featured, String visibility, String published_at, String updated_at,
                String created_at, int reading_time, String url, String canonical_url, List<Tag> tags,
                List<Author> authors, Tag primary_tag, Author primary_author) {
    }

    @Schema(name = "GhostTag")
    record Tag(String id, String name, String slug, String description, String visibility, String url,
               @Schema(description = "With include=count.posts") Map<String, Long> count) {
    }

    @Schema(name = "GhostAuthor")
    record Author(String id, String name, String slug, String profile_image, String cover_image, String bio,
                  String website, String location, String url,
                  @Schema(description = "With include=count.posts") Map<String, Long> count) {
    }

    @Schema(name = "GhostAuthors")
    record Authors(List<Author> authors, Meta meta) {
    }

    @Schema(name = "GhostPosts")
    record Posts(List<Post> posts, Meta meta) {
    }

    @Schema(name = "GhostPages")
    record Pages(List<Post> pages, Meta meta) {
    }

    @Schema(name = "GhostTags")
    record Tags(List<Tag> tags, Meta meta) {
    }

    @Schema(name = "GhostSettings")
    record Settings(Map<String, Object> settings, Map<String, Object> meta) {
    }
}
