package dev.slugline.rendering;

import dev.slugline.common.config.SluglineConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.footnotes.FootnotesExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.ext.task.list.items.TaskListItemsExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import dev.slugline.rendering.shortcodes.ShortcodeContext;
import dev.slugline.rendering.shortcodes.Shortcodes;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Renders a post's Markdown (CommonMark with GFM tables, strikethrough, autolinks, task lists, heading anchors
 * and footnotes) to HTML once, at write time. Unsafe URLs are dropped; raw HTML is cleaned by
 * {@link HtmlSanitizer} ({@code slugline.rendering.raw-html=sanitize}, the default) or escaped ({@code escape});
 * HTML comments never show. The output can be inserted into a page as it is.
 */
@ApplicationScoped
public class MarkdownRenderer {

    private static final List<Extension> EXTENSIONS = List.of(
            TablesExtension.create(),
            StrikethroughExtension.create(),
            AutolinkExtension.create(),
            TaskListItemsExtension.create(),
            HeadingAnchorExtension.create(),
            FootnotesExtension.create());

    /** Deeper block or inline nesting than this is flattened before rendering. */
    public static final int MAX_DEPTH = 64;

    // the depth limit runs first, before the extensions' post-processors, which are recursive visitors too
    private final Parser parser = Parser.builder()
            .postProcessor(node -> {
                TreeLimits.bound(node, MAX_DEPTH);
                return node;
            })
            .extensions(EXTENSIONS).build();
    private final HtmlRenderer renderer;
    /** Null when raw HTML is escaped. */
    private final HtmlSanitizer sanitizer;

    /** Sanitising raw HTML, iframes from the default embed hosts (plain unit tests). */
    public MarkdownRenderer() {
        this(SluglineConfig.Rendering.RawHtml.SANITIZE,
                List.of("www.youtube-nocookie.com", "youtube-nocookie.com", "www.youtube.com", "youtube.com", "player.vimeo.com"));
    }

    @Inject
    public MarkdownRenderer(SluglineConfig config) {
        this(config.rendering().rawHtml(), config.rendering().embedHosts());
    }

    public MarkdownRenderer(SluglineConfig.Rendering.RawHtml rawHtml, List<String> embedHosts) {
        boolean escape = rawHtml == SluglineConfig.Rendering.RawHtml.ESCAPE;
        this.sanitizer = escape ? null : new HtmlSanitizer(embedHosts);
        this.renderer = HtmlRenderer.builder()
                .extensions(EXTENSIONS)
                .escapeHtml(escape)
                .sanitizeUrls(true)
                .urlSanitizer(new SafeUrlSanitizer())
                .build();
    }

    /** The sanitiser raw HTML passes through, or null when it is escaped. */
    public HtmlSanitizer sanitizer() {
        return sanitizer;
    }

    public RenderedMarkdown render(String markdown) {
        return render(markdown, ShortcodeContext.NONE);
    }

    public RenderedMarkdown render(String markdown, UnaryOperator<String> imageUrls) {
        return render(markdown, ShortcodeContext.NONE.withImageUrls(imageUrls));
    }

    /**
     * Renders with image URLs passed through {@code imageUrls} first (imports point relative images at the
     * media they were stored as). The Markdown itself is not changed. Nesting deeper than {@link #MAX_DEPTH} is
     * flattened and {@code <!--more-->} is dropped, so any input renders in bounded stack and time.
     */
    public RenderedMarkdown render(String markdown, ShortcodeContext shortcodes) {
        return render(markdown, shortcodes, null);
    }

    /**
     * As {@link #render(String, ShortcodeContext)}, with link URLs passed through {@code linkUrls} too (imports point
     * links to the old site's posts at their new paths); a null result keeps the link as written.
     */
    public RenderedMarkdown render(String markdown, ShortcodeContext shortcodes, UnaryOperator<String> linkUrls) {
        // Hugo shortcodes become placeholders here and their HTML after rendering (see rendering/shortcodes)
        Shortcodes.Expansion expansion = Shortcodes.expand(markdown, shortcodes,
                inner -> render(inner, shortcodes, linkUrls).html());
        markdown = expansion.markdown(markdown);
        RenderedMarkdown rendered;
        if (PlainText.hasPathologicalRun(markdown)) {
            rendered = PlainText.render(markdown);
        } else {
            try {
                rendered = renderTree(markdown, shortcodes.imageUrls(), linkUrls, expansion);
            } catch (StackOverflowError tooDeep) {
                // inline nesting the parser itself recurses on (a million nested emphasis markers): shown as text
                rendered = PlainText.render(markdown);
            }
        }
        return new RenderedMarkdown(expansion.substitute(rendered.html()), expansion.plain(rendered.firstParagraph()), rendered.wordCount());
    }

    private RenderedMarkdown renderTree(String markdown, UnaryOperator<String> imageUrls, UnaryOperator<String> linkUrls,
                                        Shortcodes.Expansion expansion) {
        Node document = parser.parse(markdown);
        // one walk over the tree: images and links pointed at their URLs, text collected and counted
        TextCollector text = new TextCollector(imageUrls, linkUrls, expansion);
        document.accept(text);
        String html = renderer.render(document);
        if (sanitizer == null || !text.rawHtml) {
            // CommonMark's own output is safe: text escaped, URLs sanitised
            return new RenderedMarkdown(html, text.firstParagraph(), text.words());
        }
        // raw HTML: parsed and cleaned once; the text of the clean document is what readers see
        Document clean = sanitizer.clean(html);
        String first = firstParagraph(clean);
        return new RenderedMarkdown(HtmlSanitizer.serialise(clean), first != null ? first : text.firstParagraph(),
                TextCollector.countWords(clean.body().text()));
    }

    /** The text of the first paragraph with text of a cleaned document, or null when it has none. */
    private static String firstParagraph(Document clean) {
        for (Element element : clean.body().getAllElements()) {
            if (element.normalName().equals("p")) {
                String text = element.text();
                if (!text.isBlank()) {
                    return text.strip();
                }
            }
        }
        return null;
    }

    /** All readable text of a Markdown fragment as one line (the part of a post before {@code <!--more-->}). */
    public String plainText(String markdown) {
        Shortcodes.Expansion expansion = Shortcodes.expand(markdown, ShortcodeContext.NONE, inner -> "");
        markdown = expansion.markdown(markdown);
        Node document;
        try {
            document = parser.parse(markdown);
        } catch (StackOverflowError tooDeep) {
            return expansion.plain(PlainText.render(markdown).firstParagraph());
        }
        TextCollector text = new TextCollector(null, null, expansion);
        text.everything = true;
        document.accept(text);
        if (sanitizer != null && text.rawHtml) {
            // what readers see of the raw HTML, never its tags, comments or script
            return TextCollector.collapse(sanitizer.clean(renderer.render(document)).body().text());
        }
        return text.firstParagraph();
    }

    /**
     * Collects the plain text of the document: the first paragraph on its own, and a word count of everything;
     * with {@code imageUrls}, points each image at the URL it gives (the destination stays when it gives null).
     */
    private static final class TextCollector extends AbstractVisitor {
        private static final boolean[] ASCII_WORD_CHAR = new boolean[128];

        static {
            for (char c = 0; c < 128; c++) {
                ASCII_WORD_CHAR[c] = Character.isLetterOrDigit(c);
            }
        }

        private final UnaryOperator<String> imageUrls;
        private final UnaryOperator<String> linkUrls;
        private final Shortcodes.Expansion shortcodes;
        private final StringBuilder firstParagraph = new StringBuilder();
        private boolean inFirstParagraph;
        private boolean firstParagraphSeen;
        private int words;
        private boolean everything;
        /** Whether the document holds raw HTML (comments and {@code <!--more-->} are gone before this walk). */
        private boolean rawHtml;

        TextCollector(UnaryOperator<String> imageUrls, UnaryOperator<String> linkUrls, Shortcodes.Expansion shortcodes) {
            this.imageUrls = imageUrls;
            this.linkUrls = linkUrls;
            this.shortcodes = shortcodes;
        }

        @Override
        public void visit(Link link) {
            if (linkUrls != null) {
                String rewritten = linkUrls.apply(link.getDestination());
                if (rewritten != null) {
                    link.setDestination(rewritten);
                }
            }
            visitChildren(link);
        }

        @Override
        public void visit(Image image) {
            if (imageUrls != null) {
                String rewritten = imageUrls.apply(image.getDestination());
                if (rewritten != null) {
                    image.setDestination(rewritten);
                }
            }
            visitChildren(image);
        }

        private void visitParagraph(Paragraph paragraph) {
            if (firstParagraphSeen) {
                visitChildren(paragraph);
                return;
            }
            inFirstParagraph = true;
            visitChildren(paragraph);
            inFirstParagraph = false;
            firstParagraphSeen = !firstParagraph.toString().isBlank();
        }

        @Override
        public void visit(HtmlBlock htmlBlock) {
            rawHtml = true;
        }

        @Override
        public void visit(HtmlInline htmlInline) {
            rawHtml = true;
        }

        @Override
        public void visit(Text text) {
            add(text.getLiteral());
        }

        @Override
        public void visit(Code code) {
            add(code.getLiteral());
        }

        @Override
        public void visit(Paragraph paragraph) {
            if (everything) {
                visitChildren(paragraph);
                add(" ");
                return;
            }
            visitParagraph(paragraph);
        }

        @Override
        public void visit(SoftLineBreak softLineBreak) {
            add(" ");
        }

        @Override
        public void visit(HardLineBreak hardLineBreak) {
            add(" ");
        }

        @Override
        public void visit(FencedCodeBlock codeBlock) {
            words += countWords(codeBlock.getLiteral());
        }

        @Override
        public void visit(IndentedCodeBlock codeBlock) {
            words += countWords(codeBlock.getLiteral());
        }

        private void add(String literal) {
            literal = shortcodes.plain(literal);
            words += countWords(literal);
            if (inFirstParagraph || everything) {
                firstParagraph.append(literal);
            }
        }

        /** The collected text with each run of whitespace ({@code \\s}: space, tab, line breaks) as one space, stripped. */
        String firstParagraph() {
            return collapse(firstParagraph);
        }

        static String collapse(CharSequence firstParagraph) {
            StringBuilder collapsed = new StringBuilder(firstParagraph.length());
            boolean inSpace = false;
            for (int i = 0; i < firstParagraph.length(); i++) {
                char c = firstParagraph.charAt(i);
                boolean space = c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
                if (!space) {
                    collapsed.append(c);
                } else if (!inSpace) {
                    collapsed.append(' ');
                }
                inSpace = space;
            }
            return collapsed.toString().strip();
        }

        int words() {
            return words;
        }

        static int countWords(String text) {
            int count = 0;
            boolean inWord = false;
            for (int i = 0; i < text.length(); ) {
                char c = text.charAt(i);
                int cp;
                boolean wordChar;
                if (c < 128) { // most text: no code point decoding, no Unicode tables
                    cp = c;
                    wordChar = ASCII_WORD_CHAR[c];
                    i++;
                } else {
                    cp = text.codePointAt(i);
                    wordChar = Character.isLetterOrDigit(cp);
                    i += Character.charCount(cp);
                }
                if (wordChar && !inWord) {
                    count++;
                }
                inWord = wordChar || (inWord && (cp == '\'' || cp == '’' || cp == '-'));
            }
            return count;
        }
    }
}
