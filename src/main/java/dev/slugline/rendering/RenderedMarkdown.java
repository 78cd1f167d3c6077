package dev.slugline.rendering;

/**
 * What one rendering of a post's Markdown yields.
 *
 * @param html           safe HTML fragment for readers
 * @param firstParagraph the first paragraph as plain text, the source of a derived summary ("" when none)
 * @param wordCount      words of readable text, code included
 */
public record RenderedMarkdown(String html, String firstParagraph, int wordCount) {
}
