package dev.slugline.rendering;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.slugline.common.config.SluglineConfig;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownRendererTest {

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    private Document render(String markdown) {
        return Jsoup.parseBodyFragment(renderer.render(markdown).html());
    }

    /** No element, attribute or URL in the output that could run script. */
    private static void assertInert(Document html) {
        assertThat(html.select("script, iframe, object, embed, form, style, svg, math, base, link, meta")).isEmpty();
        for (Element element : html.getAllElements()) {
            for (Attribute attribute : element.attributes()) {
                assertThat(attribute.getKey().toLowerCase(Locale.ROOT)).doesNotStartWith("on");
                if (attribute.getKey().equals("href") || attribute.getKey().equals("src")) {
                    String url = attribute.getValue().strip().toLowerCase(Locale.ROOT);
                    assertThat(url).doesNotStartWith("javascript:").doesNotStartWith("vbscript:").doesNotStartWith("data:");
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<script>alert(1)</script>",
            "Hello <img src=x onerror=alert(1)> there",
            "<iframe src=\"https://evil.example\"></iframe>",
            "<div onclick=\"alert(1)\">click</div>",
            "<a href=\"javascript:alert(1)\">x</a>",
            "[click](javascript:alert(1))",
            "[click](JaVaScRiPt:alert(1))",
            "[click](jav&#x09;ascript:alert(1))",
            "[click](vbscript:msgbox(1))",
            "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
            "![img](javascript:alert(1))",
            "<javascript:alert(1)>",
            "[ref]\n\n[ref]: javascript:alert(1)",
            "<style>body{display:none}</style>",
            "<form action=\"https://evil.example\"><input></form>",
            "<svg onload=alert(1)>",
            "> <script>alert(1)</script>\n> - <b onmouseover=alert(1)>x</b>"
    })
    void hostileMarkdownRendersInert(String markdown) {
        assertInert(render(markdown));
    }

    @Test
    void rawHtmlIsShownAsTextWhenEscaped() {
        MarkdownRenderer escaping = new MarkdownRenderer(SluglineConfig.Rendering.RawHtml.ESCAPE, List.of());
        Document html = Jsoup.parseBodyFragment(escaping.render("<script>alert(1)</script>\n\nA <b>bold</b> word").html());
        assertThat(html.select("script, b")).isEmpty();
        assertThat(html.text()).contains("<script>alert(1)</script>").contains("A <b>bold</b> word");
    }

    @Test
    void rawHtmlIsSanitisedByDefault() {
        Document html = render("<script>alert(1)</script>\n\nA <b>bold</b> word");
        assertThat(html.select("script")).isEmpty();
        assertThat(html.select("b").text()).isEqualTo("bold");
        assertThat(html.text()).isEqualTo("A bold word");
    }

    @Test
    void footnotesRender() {
        Document html = render("A claim.[^1] Another.[^note]\n\n[^1]: The source.\n[^note]: A note.\n");
        assertThat(html.text()).doesNotContain("[^");
        assertThat(html.select("sup a[href^=#fn]")).hasSize(2);
        assertThat(html.select("section.footnotes li").eachText())
                .anySatisfy(t -> assertThat(t).startsWith("The source."))
                .anySatisfy(t -> assertThat(t).startsWith("A note."));
    }

    @Test
    void footnotesSurviveTheSanitiserBesideRawHtml() {
        Document html = render("A <mark>claim</mark>.[^1]\n\n## Sources <span>here</span>\n\n[^1]: The source.\n");
        assertThat(html.select("mark").text()).isEqualTo("claim");
        assertThat(html.select("sup a[href=#fn-1]")).hasSize(1);
        assertThat(html.select("li#fn-1").text()).startsWith("The source.");
        assertThat(html.select("h2").first().id()).isEqualTo("sources-here");
    }

    @ParameterizedTest
    @ValueSource(strings = {"SANITIZE", "ESCAPE"})
    void htmlCommentsNeverShow(String mode) {
        MarkdownRenderer r = new MarkdownRenderer(SluglineConfig.Rendering.RawHtml.valueOf(mode), List.of());
        RenderedMarkdown rendered = r.render("<!-- a block comment -->\n\nIntro <!-- inline --> text.\n\n<!--more-->\n\n<!--\nmulti\nline\n-->\nRest.");
        assertThat(rendered.html()).doesNotContain("<!--").doesNotContain("&lt;!--").doesNotContain("comment")
                .doesNotContain("inline").doesNotContain("more").doesNotContain("multi");
        assertThat(Jsoup.parseBodyFragment(rendered.html()).text()).isEqualTo("Intro text. Rest.");
        assertThat(rendered.firstParagraph()).isEqualTo("Intro text.");
    }

    @Test
    void summaryAndWordsOfRawHtmlAreItsText() {
        RenderedMarkdown rendered = renderer.render("<div class=\"intro\"><p>Hello <b>big</b> world<script>var x = 1;</script></p></div>\n\n<style>p{}</style>\n");
        assertThat(rendered.firstParagraph()).isEqualTo("Hello big world");
        assertThat(rendered.wordCount()).isEqualTo(3);
        assertThat(renderer.plainText("Hi <i>there</i> <script>alert(1)</script>")).isEqualTo("Hi there");
    }

    @Test
    void safeLinksSurvive() {
        Document html = render("[a](https://example.com/x?y=1) [b](mailto:me@example.com) [c](../relative/page) www.quarkus.io");
        assertThat(html.select("a").eachAttr("href"))
                .containsExactly("https://example.com/x?y=1", "mailto:me@example.com", "../relative/page", "http://www.quarkus.io");
    }

    @Test
    void gfmExtensionsAreOn() {
        Document html = render("""
                ## Heading One

                | a | b |
                |---|---|
                | 1 | 2 |

                ~~gone~~

                - [x] done
                - [ ] todo

                Visit https://quarkus.io now.
                """);
        assertThat(html.select("h2").first().id()).isEqualTo("heading-one");
        assertThat(html.select("table td").eachText()).containsExactly("1", "2");
        assertThat(html.select("del").text()).isEqualTo("gone");
        assertThat(html.select("input[type=checkbox]")).hasSize(2);
        assertThat(html.select("input[checked]")).hasSize(1);
        assertThat(html.select("a[href=https://quarkus.io]")).hasSize(1);
    }

    @Test
    void emojiAndNonAsciiTextComeThroughIntact() {
        Document html = render("Paris totally rocks! 🇫🇷✨ — déjà vu, 東京, Ελληνικά 😅");
        assertThat(html.select("p").text()).isEqualTo("Paris totally rocks! 🇫🇷✨ — déjà vu, 東京, Ελληνικά 😅");
    }

    @Test
    void firstParagraphAndWordCount() {
        RenderedMarkdown rendered = renderer.render("# Title\n\nFirst *para*\ngraph here.\n\nSecond one.\n\n```\ncode words\n```\n");
        assertThat(rendered.firstParagraph()).isEqualTo("First para graph here.");
        assertThat(rendered.wordCount()).isEqualTo(1 + 4 + 2 + 2);
    }

    @Test
    void wordsCountAcrossScriptsApostrophesAndHyphens() {
        // don't, well-known and l’été are one word each; 東京 and Ελληνικά one each; 𝔘𝔫𝔦 (outside the BMP) one; 42 one
        RenderedMarkdown rendered = renderer.render("I don't know a well-known l’été — 東京, Ελληνικά, 𝔘𝔫𝔦 42 - ok");
        assertThat(rendered.wordCount()).isEqualTo(11);
    }

    @Test
    void imagesArePointedAtTheirUrlsInTheSameWalkThatCountsWords() {
        RenderedMarkdown rendered = renderer.render("Look: ![two words](a.png) and ![kept](b.png)",
                destination -> destination.equals("a.png") ? "/api/media/a.png" : null);
        Document html = Jsoup.parseBodyFragment(rendered.html());
        assertThat(html.select("img").eachAttr("src")).containsExactly("/api/media/a.png", "b.png");
        assertThat(rendered.firstParagraph()).isEqualTo("Look: two words and kept");
        assertThat(rendered.wordCount()).isEqualTo(5);
    }

    @Test
    void plainTextCollapsesEachRunOfWhitespaceToOneSpace() {
        assertThat(renderer.plainText("  one\t\ttwo  \nthree `four  five`\n\nsix\u00A0seven  ")).isEqualTo("one two three four five six\u00A0seven");
    }

    @Test
    void readingTimeRoundsUp() {
        assertThat(ReadingTime.minutes(0, 230)).isZero();
        assertThat(ReadingTime.minutes(1, 230)).isEqualTo(1);
        assertThat(ReadingTime.minutes(231, 230)).isEqualTo(2);
    }
}
