package dev.slugline.common.http;

/** {@code If-Match} and {@code If-None-Match} against a resource's current ETag (RFC 9110 section 8.8.3.2). */
public final class EntityTags {

    private EntityTags() {
    }

    /**
     * Whether {@code header} (a comma list of ETags, or {@code *}) names {@code current}: exactly, as {@code If-Match}
     * compares, or with {@code weak} ignoring {@code W/}, as {@code If-None-Match} does. False when either is null.
     */
    public static boolean matches(String header, String current, boolean weak) {
        if (header == null || current == null) {
            return false;
        }
        String own = weak ? opaque(current) : current;
        for (String candidate : header.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || (weak ? opaque(tag) : tag).equals(own)) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
