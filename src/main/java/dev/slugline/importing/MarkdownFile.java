package dev.slugline.importing;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A Markdown file split into its front matter (empty when it has none) and its body. */
public record MarkdownFile(ObjectNode frontMatter, String body) {
}
