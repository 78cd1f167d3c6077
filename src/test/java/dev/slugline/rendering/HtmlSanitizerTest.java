package dev.slugline.rendering;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Raw HTML in Markdown, rendered with the default {@code slugline.rendering.raw-html=sanitize}. */
class HtmlSanitizerTest {

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    private Document render(String markdown) {
        return Jsoup.parseBodyFragment(renderer.render(markdown).html());
    }

    /** Input Markdown | jsoup selector of what must be there | the page's text. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '^', value = {
            // a sponsor-logo grid: div, a and img kept with their attributes
            "<div class=\"sponsors\" id=\"s\">\\n<a href=\"https://a.example/\" title=\"A\"><img src=\"/logos/a.png\" alt=\"A Corp\" width=\"120\" height=\"40\" srcset=\"/logos/a@2x.png 2x\"></a>\\n<a href=\"https://b.example/\"><img src=\"b.svg\" alt=\"B\" loading=\"lazy\"></a>\\n</div>"
                    + " | div.sponsors#s > a[href=https://a.example/][title=A] > img[src=/logos/a.png][alt=A Corp][width=120][height=40][srcset=/logos/a@2x.png 2x] | ^^",
            "<table>\\n<thead><tr><th align=\"left\">Version</th><th>Date</th></tr></thead>\\n<tbody><tr><td colspan=\"2\">1.0</td></tr></tbody>\\n</table>"
                    + " | table > thead > tr > th[align=left] | Version Date 1.0",
            "See <a href=\"https://quarkus.io/guides\">the guides</a> now. | p > a[href=https://quarkus.io/guides] | See the guides now.",
            "<a href=\"relative/page.html\">rel</a> <a href=\"mailto:x@example.com\">mail</a> | a[href=relative/page.html] ~ a[href=mailto:x@example.com] | rel mail",
            "Before <script>alert(1)</script> after | p | Before after",
            "<script>\\nalert(document.cookie)\\n</script>\\n\\nKept | p | Kept",
            "<style>body { display: none }</style>\\n\\nKept | p | Kept",
            "<img src=\"x.png\" onerror=\"alert(1)\" alt=\"pic\"> | img[src=x.png][alt=pic]:not([onerror]) | ^^",
            "<p style=\"color:red\" onclick=\"alert(1)\">Styled</p> | p:not([style]):not([onclick]) | Styled",
            "<iframe src=\"https://evil.example/embed\">fallback</iframe>\\n\\nAfter | p | After",
            "<iframe src=\"https://www.youtube-nocookie.com/embed/nhOY2PAJHio\" allowfullscreen srcdoc=\"<script>alert(1)</script>\"></iframe>"
                    + " | iframe[src=https://www.youtube-nocookie.com/embed/nhOY2PAJHio][sandbox=allow-scripts allow-same-origin allow-presentation]:not([srcdoc]) | ^^",
            "<iframe src=\"https://www.youtube.com/embed/nhOY2PAJHio?start=3\"></iframe>"
                    + " | iframe[src=https://www.youtube-nocookie.com/embed/nhOY2PAJHio?start=3][sandbox] | ^^",
            "<iframe src=\"http://player.vimeo.com/video/1\"></iframe>\\n\\nAfter | p | After",
            "<details><summary>More</summary> Hidden <kbd>Ctrl</kbd> <abbr title=\"HyperText\">HTML</abbr> x<sup>2</sup> H<sub>2</sub>O <mark>hi</mark></details>"
                    + " | details > summary + kbd + abbr[title=HyperText] + sup + sub + mark | More Hidden Ctrl HTML x2 H2O hi",
            "<figure><img src=\"a.png\" alt=\"a\"><figcaption>Caption</figcaption></figure> | figure > figcaption | Caption",
            "<video src=\"v.mp4\" controls autoplay poster=\"p.png\" width=\"640\"><source src=\"v.webm\" type=\"video/webm\"></video>"
                    + " | video[controls][poster=p.png][width=640]:not([autoplay]) > source[type=video/webm] | ^^",
            "<a href=\"javascript:alert(1)\">bad</a> <a href=\"JaVa&#x09;ScRiPt:alert(1)\">bad2</a> <img src=\"data:image/svg+xml;base64,PHN2Zz4=\" srcset=\"javascript:alert(1) 1x\">"
                    + " | a:not([href]) + a:not([href]) + img:not([src]):not([srcset]) | bad bad2",
            "Search <form action=\"https://evil.example\"><input type=\"text\" name=\"q\"><button>Go</button></form> | p | Search Go",
            "<object data=\"x.swf\"><embed src=\"x.swf\">Flash</object><base href=\"https://evil.example/\"><meta http-equiv=\"refresh\" content=\"0\"> | p | Flash",
            "<svg><g onload=\"alert(1)\"><text>Svg text</text></g></svg> | p | Svg text",
            "<div>\\n\\n- [x] done\\n- [ ] open\\n\\n</div> | div li input[type=checkbox][disabled][checked] | done open",
    })
    void allowlist(String markdown, String present, String text) {
        Document html = render(markdown.replace("\\n", "\n"));
        assertThat(html.select(present)).as(html.body().html()).isNotEmpty();
        assertThat(html.select("script, style, form, input:not([type=checkbox]), base, meta, object, embed, svg, button")).isEmpty();
        assertThat(html.select("iframe:not([sandbox]), [srcdoc], [style], [onerror], [onclick], [onload], [autoplay]")).isEmpty();
        assertThat(html.text()).isEqualTo(text == null ? "" : text);
    }

    @Test
    void headingIdsAndCodeLanguagesSurvive() {
        Document html = render("## A <em>raw</em> heading\n\n```java\nint x;\n```\n\n<span id=\"anchor\"></span>");
        assertThat(html.select("h2").first().id()).isEqualTo("a-raw-heading");
        assertThat(html.select("pre > code.language-java").text()).isEqualTo("int x;");
        assertThat(html.select("span#anchor")).hasSize(1);
    }

    @Test
    void embedHostsAreConfigurable() {
        MarkdownRenderer onlyVimeo = new MarkdownRenderer(dev.slugline.common.config.SluglineConfig.Rendering.RawHtml.SANITIZE,
                List.of("player.vimeo.com"));
        Document html = Jsoup.parseBodyFragment(onlyVimeo.render(
                "<iframe src=\"https://player.vimeo.com/video/1\"></iframe>\n\n<iframe src=\"https://www.youtube.com/embed/x\"></iframe>").html());
        assertThat(html.select("iframe").eachAttr("src")).containsExactly("https://player.vimeo.com/video/1");
    }

    @Test
    void anHtmlPageBecomesOneHtmlBlockThatRendersTheSame() {
        HtmlSanitizer sanitizer = new HtmlSanitizer(List.of());
        String page = "Intro text <b>bold</b>\n\n<div>\n\n    <p>Indented after a blank line</p>\n\n</div>\n<pre>line 1\n\n\nline 4</pre>\n<script>alert(1)</script>";
        String body = sanitizer.asMarkdownBody(page);
        assertThat(body.strip()).doesNotContain("\n\n");
        Document html = render(body);
        assertThat(html.select("pre").first().wholeText()).isEqualTo("line 1\n\n\nline 4");
        assertThat(html.select("div p").text()).isEqualTo("Indented after a blank line");
        assertThat(html.select("b").text()).isEqualTo("bold");
        assertThat(html.select("script, code")).isEmpty();
        // cleaning again changes nothing: an export re-imported keeps the same body
        assertThat(sanitizer.asMarkdownBody(body)).isEqualTo(body);
    }
}
