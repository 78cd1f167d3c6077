package dev.slugline.posts;

import java.util.Map;
import java.util.regex.Pattern;

/** Whether a post is a standalone page: the Java twin of V151's generated column. */
public final class Kinds {

    /** Folders that hold a blog's posts, where Jekyll's and many Hugo themes' {@code layout: page} is a post's template. */
    private static final Pattern POST_FOLDER = Pattern.compile("(^|/)(_posts|_drafts|content/(posts?|blog|articles|news))/");

    private Kinds() {
    }

    /** {@code page} for {@code type: page}, or {@code layout: page} outside a blog's post folders; else {@code post}. */
    public static String of(Map<String, Object> frontMatter, String sourcePath) {
        if (frontMatter == null) {
            return "post";
        }
        if ("page".equals(frontMatter.get("type"))) {
            return "page";
        }
        boolean inPostFolder = sourcePath != null && POST_FOLDER.matcher(sourcePath).find();
        return "page".equals(frontMatter.get("layout")) && !inPostFolder ? "page" : "post";
    }
}
