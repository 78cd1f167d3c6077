package dev.slugline.rendering.shortcodes;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Hugo's way with shortcodes: before the Markdown is parsed each shortcode becomes a plain placeholder token;
 * after it is rendered (and sanitised) each token becomes the HTML the shortcode's own template makes. Unknown
 * shortcodes lose their delimiters and keep their inner content as Markdown, with a warning.
 */
public final class Shortcodes {

    private Shortcodes() {
    }

    /** Deeper shortcodes inside shortcodes than this (through inner Markdown) are dropped. */
    static final int MAX_NESTING = 8;

    private static final ThreadLocal<int[]> NESTING = ThreadLocal.withInitial(() -> new int[1]);

    /** The Markdown with placeholders, and what each placeholder stands for. */
    public static final class Expansion {
        static final Expansion NONE = new Expansion(null, "", List.of(), List.of(), List.of());

        private final String markdown;
        private final String prefix;
        private final List<String> html;
        private final List<String> plain;
        private final List<Boolean> block;

        Expansion(String markdown, String prefix, List<String> html, List<String> plain, List<Boolean> block) {
            this.markdown = markdown;
            this.prefix = prefix;
            this.html = html;
            this.plain = plain;
            this.block = block;
        }

        /** The Markdown to parse: the input with each shortcode replaced by a placeholder. */
        public String markdown(String original) {
            return markdown == null ? original : markdown;
        }

        /** The rendered HTML with each placeholder replaced by its shortcode's HTML (a block one unwrapped from its {@code <p>}). */
        public String substitute(String rendered) {
            return replace(rendered, true);
        }

        /** Text with each placeholder replaced by its shortcode's plain text ("" for embeds, figures and blocks). */
        public String plain(String text) {
            return replace(text, false);
        }

        private String replace(String text, boolean asHtml) {
            if (html.isEmpty() || !text.contains(prefix)) {
                return text;
            }
            StringBuilder out = new StringBuilder(text.length() + 256);
            int i = 0;
            while (true) {
                int at = text.indexOf(prefix, i);
                if (at < 0) {
                    out.append(text, i, text.length());
                    return out.toString();
                }
                int k = at + prefix.length();
                int index = 0;
                int digits = 0;
                while (k < text.length() && Character.isDigit(text.charAt(k)) && digits < 7) {
                    index = index * 10 + (text.charAt(k) - '0');
                    k++;
                    digits++;
                }
                if (digits == 0 || k >= text.length() || text.charAt(k) != 'X' || index >= html.size()) {
                    out.append(text, i, k);
                    i = k;
                    continue;
                }
                int end = k + 1;
                if (asHtml && block.get(index) && at - i >= 3 && text.startsWith("<p>", at - 3)
                        && text.startsWith("</p>", end)) {
                    out.append(text, i, at - 3).append(html.get(index));
                    i = end + 4;
                } else {
                    out.append(text, i, at).append(asHtml ? html.get(index) : plain.get(index));
                    i = end;
                }
            }
        }
    }

    /**
     * Replaces the shortcodes of {@code markdown} by placeholders. {@code renderMarkdown} renders inner Markdown
     * (of {@code details}, a figure's caption) to safe HTML with the same context. Text without {@code {{} is
     * returned as it is, nothing allocated.
     */
    public static Expansion expand(String markdown, ShortcodeContext context, UnaryOperator<String> renderMarkdown) {
        if (markdown == null || !markdown.contains("{{")) {
            return Expansion.NONE;
        }
        int[] nesting = NESTING.get();
        nesting[0]++;
        try {
            List<ShortcodeParser.Piece> pieces = ShortcodeParser.parse(markdown);
            String prefix = "SLUGLINESC";
            while (markdown.contains(prefix)) {
                prefix += "Q";
            }
            Builder builder = new Builder(prefix, context,
                    nesting[0] > MAX_NESTING ? inner -> BuiltinShortcodes.escape(inner) : renderMarkdown);
            builder.pieces(pieces);
            return new Expansion(builder.out.toString(), prefix, builder.html, builder.plain, builder.block);
        } finally {
            nesting[0]--;
        }
    }

    private static final class Builder {
        final StringBuilder out = new StringBuilder();
        final List<String> html = new ArrayList<>();
        final List<String> plain = new ArrayList<>();
        final List<Boolean> block = new ArrayList<>();
        final String prefix;
        final ShortcodeContext context;
        final UnaryOperator<String> renderMarkdown;

        Builder(String prefix, ShortcodeContext context, UnaryOperator<String> renderMarkdown) {
            this.prefix = prefix;
            this.context = context;
            this.renderMarkdown = renderMarkdown;
        }

        void pieces(List<ShortcodeParser.Piece> pieces) {
            for (ShortcodeParser.Piece piece : pieces) {
                if (piece instanceof ShortcodeParser.Text text) {
                    out.append(text.text());
                } else if (piece instanceof ShortcodeParser.Call call) {
                    call(call);
                }
            }
        }

        private void call(ShortcodeParser.Call call) {
            Shortcode shortcode = call.shortcode();
            BuiltinShortcodes.Output output = BuiltinShortcodes.render(shortcode, context, renderMarkdown);
            if (output == null) {
                context.warnings().accept("unknown shortcode '" + shortcode.name()
                        + "': its delimiters were dropped and its content kept as Markdown");
                pieces(call.children());
                return;
            }
            boolean asBlock = output.block() && call.standalone();
            if (asBlock) {
                // a paragraph of its own: a blank line before and after the placeholder
                int lineStart = out.lastIndexOf("\n") + 1;
                String indent = out.substring(lineStart);
                String before = out.substring(0, lineStart);
                if (!before.isEmpty() && !before.endsWith("\n\n") && !before.endsWith("\r\n\r\n")) {
                    out.append('\n').append(indent);
                }
            }
            out.append(prefix).append(html.size()).append('X');
            if (asBlock) {
                out.append('\n');
            }
            html.add(output.html());
            plain.add(output.plain());
            block.add(output.block());
        }
    }
}
