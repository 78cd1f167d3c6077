package dev.slugline.rendering;

import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Keeps a parsed document shallow enough for the (recursive) renderers: a node deeper than the limit is
 * replaced by its children, so 100,000 nested quotes or emphasis markers render as flat text instead of a
 * {@code StackOverflowError}. Also drops HTML comments, the {@code <!--more-->} summary marker among them, so
 * they never show, escaped or not. Iterative, linear in nodes.
 */
final class TreeLimits {

    static final String MORE = "<!--more-->";

    private TreeLimits() {
    }

    static void bound(Node document, int maxDepth) {
        Deque<Node> nodes = new ArrayDeque<>();
        Deque<Integer> depths = new ArrayDeque<>();
        push(document.getFirstChild(), 1, nodes, depths);
        while (!nodes.isEmpty()) {
            Node node = nodes.pop();
            int depth = depths.pop();
            Node child = node.getFirstChild();
            if (isComment(node)) {
                push(node.getNext(), depth, nodes, depths);
                node.unlink();
            } else if (child != null && depth >= maxDepth) {
                // unwrap: the children take the node's place, at its depth, followed by its old next sibling
                Node first = child;
                while (child != null) {
                    Node next = child.getNext();
                    node.insertBefore(child);
                    child = next;
                }
                node.unlink();
                push(first, depth, nodes, depths);
            } else {
                push(node.getNext(), depth, nodes, depths);
                push(child, depth + 1, nodes, depths);
            }
        }
    }

    private static void push(Node node, int depth, Deque<Node> nodes, Deque<Integer> depths) {
        if (node != null) {
            nodes.push(node);
            depths.push(depth);
        }
    }

    /** An inline comment, or an HTML block that is nothing but comments. */
    private static boolean isComment(Node node) {
        if (node instanceof HtmlInline inline) {
            return inline.getLiteral().startsWith("<!--");
        }
        if (node instanceof HtmlBlock block) {
            String literal = block.getLiteral().strip();
            return literal.startsWith("<!--") && literal.endsWith("-->");
        }
        return false;
    }
}
