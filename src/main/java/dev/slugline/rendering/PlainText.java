package dev.slugline.rendering;

/**
 * The fallback for Markdown too deeply nested to parse (the parser recurses on some inline nesting): the text,
 * HTML-escaped, one {@code <p>} per blank-line separated block. Linear time, no recursion, nothing executable.
 */
final class PlainText {

    private PlainText() {
    }

    /** Longest run of one delimiter character the parser is given; longer runs make its work quadratic. */
    static final int MAX_DELIMITER_RUN = 500;

    /** True when the text has a run of {@code * _ ~ [ ] `} longer than {@link #MAX_DELIMITER_RUN}: no writer means that. */
    static boolean hasPathologicalRun(String markdown) {
        int run = 0;
        char previous = 0;
        boolean lineStart = true;
        for (int i = 0; i < markdown.length(); i++) {
            if (lineStart && containerMarkers(markdown, i) > MarkdownRenderer.MAX_DEPTH) {
                return true;
            }
            char c = markdown.charAt(i);
            lineStart = c == '\n';
            boolean delimiter = c == '*' || c == '_' || c == '~' || c == '[' || c == ']' || c == '`';
            run = delimiter && c == previous ? run + 1 : delimiter ? 1 : 0;
            if (run > MAX_DELIMITER_RUN) {
                return true;
            }
            previous = c;
        }
        return false;
    }

    /** Block quote and list markers opening the line at {@code i}: {@code > > - 1. x} has four. */
    private static int containerMarkers(String text, int i) {
        int count = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                i++;
            }
            if (i >= n) {
                break;
            }
            char c = text.charAt(i);
            if (c == '>') {
                i++;
            } else if ((c == '-' || c == '+' || c == '*') && (i + 1 >= n || text.charAt(i + 1) == ' ' || text.charAt(i + 1) == '\t')) {
                i++;
            } else if (Character.isDigit(c)) {
                int j = i;
                while (j < n && j - i < 9 && Character.isDigit(text.charAt(j))) {
                    j++;
                }
                if (j < n && (text.charAt(j) == '.' || text.charAt(j) == ')') && (j + 1 >= n || text.charAt(j + 1) == ' ')) {
                    i = j + 1;
                } else {
                    break;
                }
            } else {
                break;
            }
            if (++count > MarkdownRenderer.MAX_DEPTH) {
                return count;
            }
        }
        return count;
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
