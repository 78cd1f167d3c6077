package dev.slugline.importing;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.regex.Pattern;

/**
 * A Markdown file split into its front matter (empty when it has none) and its body.
 *
 * @param format           how the front matter was written
 * @param frontMatterSource the front matter text as written, between the fences ("" when none)
 * @param firstLine        the 1-based line of the file where {@code frontMatterSource} starts
 */
public record MarkdownFile(ObjectNode frontMatter, String body, Format format, String frontMatterSource,
                           int firstLine) {

    public enum Format { NONE, YAML, TOML, JSON }

    public MarkdownFile(ObjectNode frontMatter, String body) {
        this(frontMatter, body, Format.NONE, "", 1);
    }

    /** The 1-based line of the file where a top-level key is written, or null when it cannot be found. */
    public Integer lineOf(String key) {
        Pattern pattern = Pattern.compile("^\\s*[\"']?" + Pattern.quote(key) + "[\"']?\\s*[:=]");
        String[] lines = frontMatterSource.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (pattern.matcher(lines[i]).find()) {
                return firstLine + i;
            }
        }
        return null;
    }
}
