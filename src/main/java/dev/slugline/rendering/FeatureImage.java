package dev.slugline.rendering;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A post's feature image, from its front matter under any of the names themes use: {@code feature_image},
 * {@code featured_image}, {@code image}, {@code cover} (a URL, or Hugo's {@code cover: {image, alt, caption}}; a
 * mapping may name its URL {@code path}, as jekyll-seo-tag's {@code image: {path, alt}} does) or the first of
 * {@code images}; alt text and caption from {@code cover} or from {@code feature_image_alt} and
 * {@code feature_image_caption}. One rule for Slugline's JSON and the Ghost API.
 */
@Schema(name = "FeatureImage", description = "The post's feature image from its front matter (image, cover, "
        + "featured_image, feature_image or the first of images); a relative path points at the imported medium")
public record FeatureImage(
        @Schema(description = "http(s), or a root-relative path on this server (an imported medium: /api/media/...)",
                example = "/api/media/content/posts/kubecon/cover.png") String url,
        @Schema(description = "Alt text, when given", example = "The KubeCon keynote hall") String alt,
        @Schema(description = "Caption, when given", example = "Paris, March 2024") String caption) {

    /** The front matter keys naming the image, the first usable one wins. */
    static final List<String> KEYS = List.of("feature_image", "featured_image", "image", "cover", "images");

    /** The image the front matter names with an http(s) or root-relative URL; null when none. */
    public static FeatureImage of(Map<String, Object> frontMatter) {
        return of(frontMatter, destination -> null);
    }

    /**
     * The image the front matter names; null when none. Each safe destination as written goes through
     * {@code resolve} first (an import points relative paths at its stored media, as it does for the images in the
     * Markdown): its answer is the URL; when it gives null, an http(s) or root-relative URL stays as written and a
     * relative path is no image. An unsafe URL ({@code javascript:}, {@code data:}, protocol-relative) is no image.
     */
    public static FeatureImage of(Map<String, Object> frontMatter, UnaryOperator<String> resolve) {
        Found found = find(frontMatter, resolve);
        return found == null ? null : found.image();
    }

    /** The destination as written whose URL {@code resolve} gave ({@link #of}); null when none or it stayed as written. */
    public static String resolvedSource(Map<String, Object> frontMatter, UnaryOperator<String> resolve) {
        Found found = find(frontMatter, resolve);
        return found == null || !found.resolved() ? null : found.destination();
    }

    private record Found(FeatureImage image, String destination, boolean resolved) {
    }

    private static Found find(Map<String, Object> frontMatter, UnaryOperator<String> resolve) {
        if (frontMatter == null) {
            return null;
        }
        for (String key : KEYS) {
            Object value = frontMatter.get(key);
            if (value instanceof List<?> list) {
                value = list.isEmpty() ? null : list.get(0);
            }
            String destination;
            String alt;
            String caption;
            if (value instanceof Map<?, ?> map) {
                // Hugo's cover.image, jekyll-seo-tag's image.path
                destination = string(map.get("image")) != null ? string(map.get("image")) : string(map.get("path"));
                alt = string(map.get("alt"));
                caption = string(map.get("caption"));
            } else {
                destination = string(value);
                alt = string(frontMatter.get("feature_image_alt"));
                caption = string(frontMatter.get("feature_image_caption"));
            }
            if (destination == null || !isSafe(destination)) {
                continue;
            }
            String resolved = resolve.apply(destination);
            if (resolved != null) {
                if (isSafe(resolved) && (isWeb(resolved) || isRootRelative(resolved))) {
                    return new Found(new FeatureImage(resolved, alt, caption), destination, true);
                }
            } else if (isWeb(destination) || isRootRelative(destination)) {
                return new Found(new FeatureImage(destination, alt, caption), destination, false);
            }
        }
        return null;
    }

    /**
     * No scheme but http(s), not protocol-relative (browsers read {@code /\host} as {@code //host}), no control
     * characters (browsers drop tabs and newlines inside a scheme: {@code java\tscript:}).
     */
    static boolean isSafe(String url) {
        for (int i = 0; i < url.length(); i++) {
            if (url.charAt(i) < 0x20 || url.charAt(i) == 0x7f) {
                return false;
            }
        }
        if (url.startsWith("//") || url.startsWith("/\\") || url.startsWith("\\")) {
            return false;
        }
        int colon = url.indexOf(':');
        int end = firstOf(url, "/?#");
        if (colon >= 0 && (end < 0 || colon < end)) {
            return isWeb(url);
        }
        return true;
    }

    private static boolean isWeb(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return (lower.startsWith("https://") || lower.startsWith("http://")) && url.length() > lower.indexOf("//") + 2;
    }

    private static boolean isRootRelative(String url) {
        return url.startsWith("/") && !url.startsWith("//") && !url.startsWith("/\\");
    }

    private static int firstOf(String text, String characters) {
        for (int i = 0; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static String string(Object value) {
        return value instanceof String s && !s.isBlank() ? s.strip() : null;
    }
}
