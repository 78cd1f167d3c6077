package dev.slugline.rendering;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The one rule for a post's feature image, in Slugline's JSON and the Ghost API alike. */
class FeatureImageTest {

    @Test
    void everyNameThemesUse() {
        assertThat(FeatureImage.of(Map.of("image", "https://cdn.example.com/a.png")))
                .isEqualTo(new FeatureImage("https://cdn.example.com/a.png", null, null));
        assertThat(FeatureImage.of(Map.of("featured_image", "/images/a.png", "feature_image_alt", " A gate ",
                "feature_image_caption", "Dawn"))).isEqualTo(new FeatureImage("/images/a.png", "A gate", "Dawn"));
        assertThat(FeatureImage.of(Map.of("images", List.of("http://example.org/first.png", "/second.png"))))
                .isEqualTo(new FeatureImage("http://example.org/first.png", null, null));
        assertThat(FeatureImage.of(Map.of("cover", Map.of("image", "/c.png", "alt", "Alt", "caption", "Caption"))))
                .isEqualTo(new FeatureImage("/c.png", "Alt", "Caption"));
        assertThat(FeatureImage.of(Map.of("cover", "/c.png"))).isEqualTo(new FeatureImage("/c.png", null, null));
        // jekyll-seo-tag's image mapping
        assertThat(FeatureImage.of(Map.of("image", Map.of("path", "/assets/seo.png", "alt", "SEO"))))
                .isEqualTo(new FeatureImage("/assets/seo.png", "SEO", null));
        // Ghost's own name first
        assertThat(FeatureImage.of(Map.of("feature_image", "/ghost.png", "image", "/hugo.png")).url()).isEqualTo("/ghost.png");
    }

    @Test
    void unsafeOrUnresolvedUrlsAreNoImage() {
        for (String url : List.of("javascript:alert(1)", "JavaScript:alert(1)", "java\tscript:alert(1)",
                "data:image/png;base64,iVBORw0KGgo=", "//evil.example/x.png", "/\\evil.example/x.png",
                "\\\\evil.example\\x.png", "vbscript:x", "file:///etc/passwd", "https://", "cover.png", "images/x.jpg")) {
            assertThat(FeatureImage.of(Map.of("image", url))).as(url).isNull();
            assertThat(FeatureImage.of(Map.of("cover", Map.of("image", url, "alt", "x")))).as(url).isNull();
        }
        assertThat(FeatureImage.of(Map.of("image", List.of()))).isNull();
        assertThat(FeatureImage.of(Map.of("image", 42))).isNull();
        assertThat(FeatureImage.of(Map.of())).isNull();
        assertThat(FeatureImage.of(null)).isNull();
        // an unsafe first name does not hide a safe later one
        assertThat(FeatureImage.of(Map.of("feature_image", "javascript:alert(1)", "image", "/ok.png")).url())
                .isEqualTo("/ok.png");
    }

    @Test
    void relativePathsGoThroughTheResolver() {
        Map<String, Object> bundle = Map.of("cover", Map.of("image", "cover.png", "alt", "The gate"));
        assertThat(FeatureImage.of(bundle, path -> path.equals("cover.png") ? "/api/media/content/posts/b/cover.png" : null))
                .isEqualTo(new FeatureImage("/api/media/content/posts/b/cover.png", "The gate", null));
        assertThat(FeatureImage.resolvedSource(bundle, path -> "/api/media/content/posts/b/cover.png")).isEqualTo("cover.png");
        // a root-relative path the resolver does not know stays as written, and is no resolved source
        assertThat(FeatureImage.of(Map.of("image", "/images/x.png"), path -> null).url()).isEqualTo("/images/x.png");
        assertThat(FeatureImage.resolvedSource(Map.of("image", "/images/x.png"), path -> null)).isNull();
        // the resolver is never asked about an unsafe URL, and what it answers must be safe too
        assertThat(FeatureImage.of(Map.of("image", "javascript:alert(1)"), path -> "/api/media/x.png")).isNull();
        assertThat(FeatureImage.of(Map.of("image", "x.png"), path -> "javascript:alert(1)")).isNull();
    }
}
