package dev.slugline.ghost;

import java.util.ArrayList;
import java.util.List;

/**
 * Ghost's filter language (NQL) as its Content API takes it in {@code filter}: {@code key:value} comparisons with
 * {@code -} (not), {@code >}, {@code >=}, {@code <}, {@code <=}, {@code ~} (contains), {@code ~^} (starts with),
 * {@code ~$} (ends with) and {@code [a,b]} (in) after the colon; {@code +} (and) binds tighter than {@code ,} (or);
 * parentheses group. Values are bare words or single-quoted strings ({@code \'} escapes a quote). Anything else is a
 * {@link GhostException#badRequest}.
 */
public final class Nql {

    public enum Op { EQ, GT, GTE, LT, LTE, CONTAINS, STARTS_WITH, ENDS_WITH, IN }

    public sealed interface Node permits And, Or, Comparison {
    }

    public record And(List<Node> parts) implements Node {
    }

    public record Or(List<Node> parts) implements Node {
    }

    /** {@code key:[-]op value}; {@code values} has one element except for {@link Op#IN}. */
    public record Comparison(String key, Op op, boolean negated, List<String> values) implements Node {
        public String value() {
            return values.get(0);
        }
    }

    static final int MAX_LENGTH = 2000;
    private static final int MAX_DEPTH = 20;

    private final String text;
    private int at;
    private int depth;

    private Nql(String text) {
        this.text = text;
    }

    public static Node parse(String filter) {
        if (filter == null || filter.isBlank()) {
            throw GhostException.badRequest("filter", "must not be empty");
        }
        if (filter.length() > MAX_LENGTH) {
            throw GhostException.badRequest("filter", "is longer than " + MAX_LENGTH + " characters");
        }
        Nql parser = new Nql(filter);
        Node node = parser.or();
        parser.skipSpaces();
        if (parser.at < filter.length()) {
            throw parser.error("unexpected '" + filter.charAt(parser.at) + "'");
        }
        return node;
    }

    private Node or() {
        List<Node> parts = new ArrayList<>();
        parts.add(and());
        while (consume(',')) {
            parts.add(and());
        }
        return parts.size() == 1 ? parts.get(0) : new Or(List.copyOf(parts));
    }

    private Node and() {
        List<Node> parts = new ArrayList<>();
        parts.add(term());
        while (consume('+')) {
            parts.add(term());
        }
        return parts.size() == 1 ? parts.get(0) : new And(List.copyOf(parts));
    }

    private Node term() {
        if (consume('(')) {
            if (++depth > MAX_DEPTH) {
                throw error("nests deeper than " + MAX_DEPTH + " parentheses");
            }
            Node inner = or();
            if (!consume(')')) {
                throw error("a '(' is not closed");
            }
            depth--;
            return inner;
        }
        String key = key();
        if (!consume(':')) {
            throw error("expected ':' after '" + key + "'");
        }
        boolean negated = consume('-');
        if (consume('[')) {
            List<String> values = new ArrayList<>();
            values.add(value());
            while (consume(',')) {
                values.add(value());
            }
            if (!consume(']')) {
                throw error("a '[' is not closed");
            }
            return new Comparison(key, Op.IN, negated, List.copyOf(values));
        }
        Op op = operator();
        return new Comparison(key, op, negated, List.of(value()));
    }

    private Op operator() {
        if (consume('>')) {
            return consume('=') ? Op.GTE : Op.GT;
        }
        if (consume('<')) {
            return consume('=') ? Op.LTE : Op.LT;
        }
        if (consume('~')) {
            if (consume('^')) {
                return Op.STARTS_WITH;
            }
            return consume('$') ? Op.ENDS_WITH : Op.CONTAINS;
        }
        return Op.EQ;
    }

    private String key() {
        skipSpaces();
        int start = at;
        while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_'
                || text.charAt(at) == '.')) {
            at++;
        }
        if (start == at) {
            throw error(at < text.length() ? "expected a field name, not '" + text.charAt(at) + "'" : "ends too early");
        }
        return text.substring(start, at);
    }

    private String value() {
        skipSpaces();
        if (at < text.length() && (text.charAt(at) == '\'' || text.charAt(at) == '"')) {
            char quote = text.charAt(at++);
            StringBuilder value = new StringBuilder();
            while (at < text.length() && text.charAt(at) != quote) {
                char c = text.charAt(at++);
                if (c == '\\' && at < text.length()) {
                    c = text.charAt(at++);
                }
                value.append(c);
            }
            if (at >= text.length()) {
                throw error("a quoted value is not closed");
            }
            at++;
            return value.toString();
        }
        int start = at;
        while (at < text.length() && "+,()[]' \"".indexOf(text.charAt(at)) < 0) {
            at++;
        }
        if (start == at) {
            throw error(at < text.length() ? "expected a value, not '" + text.charAt(at) + "'" : "ends without a value");
        }
        return text.substring(start, at);
    }

    private boolean consume(char c) {
        skipSpaces();
        if (at < text.length() && text.charAt(at) == c) {
            at++;
            return true;
        }
        return false;
    }

    private void skipSpaces() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    private GhostException error(String what) {
        return GhostException.badRequest("filter", "cannot be read at character " + (at + 1) + ": " + what);
    }
}
