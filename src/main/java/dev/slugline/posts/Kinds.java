package dev.slugline.posts;

import java.util.Map;

/** Whether front matter makes a post a standalone page: the Java twin of V141's generated column. */
public final class Kinds {

    private Kinds() {
    }

    public static String of(Map<String, Object> frontMatter) {
        return frontMatter != null && ("page".equals(frontMatter.get("type")) || "page".equals(frontMatter.get("layout")))
                ? "page" : "post";
    }
}
