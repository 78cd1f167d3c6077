package dev.slugline.rendering;

/**
 * The fallback for Markdown too deeply nested to parse (the parser recurses on some inline nesting): the text,
 * HTML-escaped, one {@code <p>} per blank-line separated block. Linear time, no recursion, nothing executable.
 */
final class PlainText {

    private PlainText() {
    }

    static RenderedMarkdown render(String markdown) {
        StringBuilder html = new StringBuilder(markdown.length() + 64);
        String first = "";
        int words = 0;
        for (String block : markdown.split("\\n\\s*\\n")) {
            if (block.isBlank()) {
                continue;
            }
            if (first.isEmpty()) {
                first = block.replaceAll("\\s+", " ").strip();
            }
            html.append("<p>").append(escape(block.strip())).append("</p>\n");
            words += block.strip().split("\\s+").length;
        }
        return new RenderedMarkdown(html.toString(), first.length() > 2000 ? first.substring(0, 2000) : first, words);
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
