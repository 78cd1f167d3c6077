package dev.slugline.ghost;

import java.util.List;
import java.util.Map;

/**
 * A post's feature image from its front matter, under any of the names themes use: {@code feature_image},
 * {@code featured_image}, {@code image}, {@code cover} (a URL or Hugo's {@code cover.image} with {@code alt} and
 * {@code caption}) or the first of {@code images}. Root-relative paths are made absolute against the site.
 */
record FeatureImage(String url, String alt, String caption) {

    private static final FeatureImage NONE = new FeatureImage(null, null, null);

    static FeatureImage of(Map<String, Object> frontMatter, String siteUrl) {
        for (String key : List.of("feature_image", "featured_image", "image", "cover", "images")) {
            Object value = frontMatter.get(key);
            if (value instanceof List<?> list) {
                value = list.isEmpty() ? null : list.get(0);
            }
            if (value instanceof Map<?, ?> map) {
                String url = absolute(string(map.get("image")), siteUrl);
                if (url != null) {
                    return new FeatureImage(url, string(map.get("alt")), string(map.get("caption")));
                }
            } else if (value instanceof String text) {
                String url = absolute(text, siteUrl);
                if (url != null) {
                    return new FeatureImage(url, string(frontMatter.get("feature_image_alt")),
                            string(frontMatter.get("feature_image_caption")));
                }
            }
        }
        return NONE;
    }

    /** Only http(s) and root-relative URLs: anything else (javascript:, data:) is no image. */
    private static String absolute(String url, String siteUrl) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String trimmed = url.strip();
        String lower = trimmed.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("https://") || lower.startsWith("http://")) {
            return trimmed;
        }
        if (trimmed.startsWith("/") && !trimmed.startsWith("//")) {
            return siteUrl + trimmed;
        }
        return null;
    }

    private static String string(Object value) {
        return value instanceof String s && !s.isBlank() ? s.strip() : null;
    }
}
