package dev.slugline.posts;

import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import hash is stored with every imported post and compared on each re-import: it must not change between
 * versions, or every post would be rewritten once. The expected values were computed by the version before
 * the hash was streamed into the digest (commit b3fc653).
 */
class ImportHashTest {

    @Test
    void hashesStoredByEarlierVersionsStayValid() {
        Map<String, Object> frontMatter = new LinkedHashMap<>();
        frontMatter.put("weight", 4);
        frontMatter.put("aliases", List.of("/old/x/"));
        frontMatter.put("params", Map.of("mood", "sunny"));
        PostInput input = new PostInput("Title “quoted” é", "hash-golden", null,
                "# Hi\n\nBody with \"quotes\", tabs\t and ünïcödé 🚀\n", PostStatus.PUBLISHED,
                OffsetDateTime.parse("2024-04-07T11:05:09+05:00"), List.of("Guides"), List.of("b", "a"), frontMatter, null);
        Map<String, String> images = new LinkedHashMap<>();
        images.put("z.png", "/api/media/z.png");
        images.put("a.png", "/api/media/a.png");
        assertThat(PostImportService.importHash("hash-golden", input, "content/posts/hash-golden.md", images))
                .isEqualTo("fa7795f068a0bd9b092cc28d491c533ad18d6502a7dc6d633a533c7dcd2c495c");

        PostInput expiring = new PostInput("T", null, "S", "", PostStatus.DRAFT, null, null, null, Map.of(),
                OffsetDateTime.parse("2030-01-01T00:00:00Z"));
        assertThat(PostImportService.importHash("t", expiring, "t.md", null))
                .isEqualTo("0b984222e23de3e391c7b71e3ce3353571ebe364adf24de9902ef03dfdfaad17");
    }
}
