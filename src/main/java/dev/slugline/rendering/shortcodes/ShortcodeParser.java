package dev.slugline.rendering.shortcodes;

import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds Hugo shortcodes in Markdown, as Hugo's lexer does: {@code {{< name args >}}} and {@code {{% name args %}}},
 * self-closing {@code {{< name />}}}, closing {@code {{< /name >}}}, named ({@code src="a.png"}) and positional
 * arguments, quoted with {@code "} (backslash escapes) or {@code `} (raw), nested pairs. Shortcodes inside code
 * (fenced, indented, inline) are text; Hugo's escape (a comment right inside the delimiters, slash-star ... star-slash) is the text of the shortcode.
 */
public final class ShortcodeParser {

    private ShortcodeParser() {
    }

    /** A piece of the parsed text. */
    public sealed interface Piece permits Text, Call {
    }

    /** Text between shortcodes (Markdown, escapes already undone). */
    public record Text(String text) implements Piece {
    }

    /**
     * A shortcode with the pieces of its inner content (empty when not paired); {@code standalone} when it is
     * alone on its line(s), so its output can be a block of its own.
     */
    public record Call(Shortcode shortcode, List<Piece> children, boolean standalone) implements Piece {
    }

    /** The tables extension only: inline code in table cells is code too. */
    private static final Parser SPANS = Parser.builder()
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
            .extensions(List.of(TablesExtension.create()))
            .build();

    private record Tag(boolean closing, String name, List<String> positional, Map<String, String> named,
                       boolean markdown, boolean selfClosing, int start, int end) {
    }

    private static final class Frame {
        final Tag tag;
        final List<Piece> children = new ArrayList<>();

        Frame(Tag tag) {
            this.tag = tag;
        }
    }

    /** The text as pieces; a text without {@code {{} is one piece. */
    public static List<Piece> parse(String text) {
        if (!text.contains("{{")) {
            return List.of(new Text(text));
        }
        boolean[] code = codeMap(text);
        List<Frame> stack = new ArrayList<>();
        Frame root = new Frame(null);
        stack.add(root);
        StringBuilder pending = new StringBuilder();
        int i = 0;
        int n = text.length();
        while (i < n) {
            int at = text.indexOf("{{", i);
            if (at < 0) {
                pending.append(text, i, n);
                break;
            }
            pending.append(text, i, at);
            int escapeEnd = escaped(text, at);
            if (escapeEnd > 0) {
                // {{</* x */>}} -> {{< x >}}
                char open = text.charAt(at + 2);
                pending.append("{{").append(open).append(text, at + 5, escapeEnd - 5)
                        .append(open == '<' ? '>' : '%').append("}}");
                i = escapeEnd;
                continue;
            }
            Tag tag = code[at] ? null : tag(text, at);
            if (tag == null) {
                pending.append("{{");
                i = at + 2;
                continue;
            }
            flush(pending, stack);
            if (!tag.closing) {
                Frame frame = new Frame(tag);
                if (tag.selfClosing) {
                    top(stack).children.add(call(text, frame, tag.end, tag.end));
                } else {
                    stack.add(frame);
                }
            } else {
                int match = -1;
                for (int f = stack.size() - 1; f > 0; f--) {
                    if (stack.get(f).tag.name.equals(tag.name)) {
                        match = f;
                        break;
                    }
                }
                if (match > 0) {
                    while (stack.size() - 1 > match) {
                        unpaired(text, stack);
                    }
                    Frame frame = stack.remove(stack.size() - 1);
                    top(stack).children.add(call(text, frame, tag.start, tag.end));
                }
                // a closing tag without its opening one is dropped
            }
            i = tag.end;
        }
        flush(pending, stack);
        while (stack.size() > 1) {
            unpaired(text, stack);
        }
        return root.children;
    }

    /** The top frame was never closed: it is a call without inner content, followed by what it held. */
    private static void unpaired(String text, List<Frame> stack) {
        Frame frame = stack.remove(stack.size() - 1);
        List<Piece> into = top(stack).children;
        into.add(call(text, new Frame(frame.tag), frame.tag.end, frame.tag.end));
        into.addAll(frame.children);
    }

    private static Call call(String text, Frame frame, int closeStart, int end) {
        Tag open = frame.tag;
        boolean paired = closeStart != open.end || end != open.end;
        String inner = paired ? text.substring(open.end, closeStart) : null;
        boolean standalone = aloneBefore(text, open.start) && aloneAfter(text, end);
        Shortcode shortcode = new Shortcode(open.name, List.copyOf(open.positional), Map.copyOf(open.named), open.markdown, inner);
        return new Call(shortcode, List.copyOf(frame.children), standalone);
    }

    private static Frame top(List<Frame> stack) {
        return stack.get(stack.size() - 1);
    }

    private static void flush(StringBuilder pending, List<Frame> stack) {
        if (!pending.isEmpty()) {
            top(stack).children.add(new Text(pending.toString()));
            pending.setLength(0);
        }
    }

    private static boolean aloneBefore(String text, int at) {
        for (int k = at - 1; k >= 0; k--) {
            char c = text.charAt(k);
            if (c == '\n') {
                return true;
            }
            if (c != ' ' && c != '\t') {
                return false;
            }
        }
        return true;
    }

    private static boolean aloneAfter(String text, int at) {
        for (int k = at; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c == '\n' || c == '\r') {
                return true;
            }
            if (c != ' ' && c != '\t') {
                return false;
            }
        }
        return true;
    }

    /** End of Hugo's escaped shortcode (a comment inside the delimiters) starting at {@code at}, or -1. */
    private static int escaped(String text, int at) {
        if (at + 4 >= text.length()) {
            return -1;
        }
        char open = text.charAt(at + 2);
        if ((open != '<' && open != '%') || text.charAt(at + 3) != '/' || text.charAt(at + 4) != '*') {
            return -1;
        }
        int close = text.indexOf("*/" + (open == '<' ? '>' : '%') + "}}", at + 5);
        return close < 0 ? -1 : close + 5;
    }

    /** The tag at {@code at} ({@code {{<} or {@code {{%}), or null when it is not a well-formed one. */
    private static Tag tag(String text, int at) {
        int n = text.length();
        if (at + 2 >= n) {
            return null;
        }
        char open = text.charAt(at + 2);
        if (open != '<' && open != '%') {
            return null;
        }
        char d = open == '<' ? '>' : '%'; // the closing delimiter's first character
        int j = skipSpace(text, at + 3);
        boolean closing = j < n && text.charAt(j) == '/';
        if (closing) {
            j = skipSpace(text, j + 1);
        }
        int nameStart = j;
        while (j < n && isNameChar(text.charAt(j)) && !text.startsWith("/" + d + "}}", j)) {
            j++;
        }
        if (j == nameStart) {
            return null;
        }
        String name = text.substring(nameStart, j);
        List<String> positional = new ArrayList<>();
        Map<String, String> named = new LinkedHashMap<>();
        while (true) {
            j = skipSpace(text, j);
            if (j >= n) {
                return null;
            }
            if (text.startsWith(d + "}}", j)) {
                return new Tag(closing, name, positional, named, open == '%', false, at, j + 3);
            }
            if (text.startsWith("/" + d + "}}", j)) {
                return new Tag(closing, name, positional, named, open == '%', true, at, j + 4);
            }
            if (closing) {
                return null;
            }
            int[] end = new int[1];
            char first = text.charAt(j);
            String value = value(text, j, d, end);
            if (value == null) {
                return null;
            }
            j = end[0];
            if (first != '"' && first != '`' && first != '\'' && j < n && text.charAt(j) == '=') {
                String v = value(text, j + 1, d, end);
                if (v == null) {
                    return null;
                }
                named.put(value, v);
                j = end[0];
            } else {
                positional.add(value);
            }
        }
    }

    /** One argument value at {@code j}: quoted, raw or bare; sets {@code end[0]} past it. */
    private static String value(String text, int j, char d, int[] end) {
        int n = text.length();
        if (j >= n) {
            return null;
        }
        char c = text.charAt(j);
        if (c == '"') {
            StringBuilder out = new StringBuilder();
            for (int k = j + 1; k < n; k++) {
                char x = text.charAt(k);
                if (x == '\\' && k + 1 < n) {
                    out.append(text.charAt(++k));
                } else if (x == '"') {
                    end[0] = k + 1;
                    return out.toString();
                } else {
                    out.append(x);
                }
            }
            return null;
        }
        if (c == '`' || c == '\'') { // raw; single quotes are not Hugo's but writers use them
            int close = text.indexOf(c, j + 1);
            if (close < 0) {
                return null;
            }
            end[0] = close + 1;
            return text.substring(j + 1, close);
        }
        int k = j;
        while (k < n) {
            char x = text.charAt(k);
            if (Character.isWhitespace(x) || x == '=' || text.startsWith(d + "}}", k) || text.startsWith("/" + d + "}}", k)) {
                break;
            }
            k++;
        }
        if (k == j) {
            return null;
        }
        end[0] = k;
        return text.substring(j, k);
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == '/';
    }

    private static int skipSpace(String text, int j) {
        while (j < text.length() && Character.isWhitespace(text.charAt(j))) {
            j++;
        }
        return j;
    }

    /** Which characters of the text are inside code (fenced, indented or inline), from commonmark's source spans. */
    private static boolean[] codeMap(String text) {
        boolean[] code = new boolean[text.length()];
        Node document;
        try {
            document = SPANS.parse(text);
        } catch (StackOverflowError tooDeep) {
            return code;
        }
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(FencedCodeBlock block) {
                mark(block);
            }

            @Override
            public void visit(IndentedCodeBlock block) {
                mark(block);
            }

            @Override
            public void visit(Code inline) {
                mark(inline);
            }

            private void mark(Node node) {
                for (SourceSpan span : node.getSourceSpans()) {
                    int from = Math.max(0, span.getInputIndex());
                    int to = Math.min(code.length, from + span.getLength());
                    java.util.Arrays.fill(code, from, to, true);
                }
            }
        });
        return code;
    }
}
