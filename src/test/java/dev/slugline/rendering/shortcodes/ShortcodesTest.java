package dev.slugline.rendering.shortcodes;

import dev.slugline.rendering.MarkdownRenderer;
import dev.slugline.rendering.RenderedMarkdown;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ShortcodesTest {

    private final MarkdownRenderer renderer = new MarkdownRenderer();
    private final List<String> warnings = new ArrayList<>();
    private final ShortcodeContext context = new ShortcodeContext(
            Map.of("author", "Ada <Lovelace>", "social", Map.of("github", "ada")),
            target -> target.contains("missing") ? Optional.empty()
                    : Optional.of("/posts/" + ShortcodeLinks.slugOf(target)),
            "https://blog.example",
            url -> url.startsWith("http") ? null : "/api/media/content/posts/bundle/" + url,
            warnings::add);

    private Document render(String markdown) {
        RenderedMarkdown rendered = renderer.render(markdown, context);
        assertThat(rendered.html()).doesNotContain("{{<").doesNotContain("{{%").doesNotContain("SLUGLINESC");
        return Jsoup.parseBodyFragment(rendered.html());
    }

    // ---- parser

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{{< youtube nhOY2PAJHio >}}                           | youtube | [nhOY2PAJHio] | {}",
            "{{< figure src=\"a.png\" alt='x' >}}                  | figure  | []            | {src=a.png, alt=x}",
            "{{< x user=\"SanDiegoZoo\" id=\"1453110110599868418\" >}} | x     | []            | {user=SanDiegoZoo, id=1453110110599868418}",
            "{{% gist spf13 7896402 %}}                             | gist    | [spf13, 7896402] | {}",
            "{{< param `a \"raw\" b` />}}                           | param   | [a \"raw\" b] | {}",
            "{{<youtube id=\"a\\\"b\">}}                             | youtube | []            | {id=a\"b}",
    })
    void parsesNamesAndArguments(String text, String name, String positional, String named) {
        List<ShortcodeParser.Piece> pieces = ShortcodeParser.parse(text);
        assertThat(pieces).hasSize(1);
        Shortcode shortcode = ((ShortcodeParser.Call) pieces.get(0)).shortcode();
        assertThat(shortcode.name()).isEqualTo(name);
        assertThat(shortcode.positional().toString()).isEqualTo(positional);
        assertThat(new java.util.TreeMap<>(shortcode.named()).toString())
                .isEqualTo(new java.util.TreeMap<>(parseMap(named)).toString());
    }

    private static Map<String, String> parseMap(String text) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        String inner = text.substring(1, text.length() - 1);
        if (!inner.isBlank()) {
            for (String entry : inner.split(", ")) {
                int eq = entry.indexOf('=');
                map.put(entry.substring(0, eq), entry.substring(eq + 1));
            }
        }
        return map;
    }

    @Test
    void pairsAndNestingKeepInnerContent() {
        List<ShortcodeParser.Piece> pieces = ShortcodeParser.parse(
                "a {{< note >}}one {{< details summary=\"s\" >}}two{{< /details >}} three{{< /note >}} b");
        assertThat(pieces).hasSize(3);
        ShortcodeParser.Call note = (ShortcodeParser.Call) pieces.get(1);
        assertThat(note.shortcode().name()).isEqualTo("note");
        assertThat(note.shortcode().inner()).isEqualTo("one {{< details summary=\"s\" >}}two{{< /details >}} three");
        assertThat(note.children()).hasSize(3);
        ShortcodeParser.Call details = (ShortcodeParser.Call) note.children().get(1);
        assertThat(details.shortcode().inner()).isEqualTo("two");
    }

    @Test
    void textWithoutShortcodesIsOnePiece() {
        assertThat(ShortcodeParser.parse("no braces here")).containsExactly(new ShortcodeParser.Text("no braces here"));
        assertThat(ShortcodeParser.parse("a {{ b }} c {{< unclosed")).extracting(Object::getClass)
                .containsOnly(ShortcodeParser.Text.class);
    }

    // ---- code and escapes

    @Test
    void shortcodesInCodeStayTextAndEscapesAreUnescaped() {
        Document html = Jsoup.parseBodyFragment(renderer.render("""
                Use `{{< youtube abc >}}` inline.

                ```
                {{</* figure src="x.png" */>}}
                {{< youtube abc >}}
                ```

                    {{% highlight go %}}indented{{% /highlight %}}
                """.replace("{{< youtube abc >}}`", "{{</* youtube abc */>}}`"), context).html());
        assertThat(html.select("code").get(0).text()).isEqualTo("{{< youtube abc >}}");
        assertThat(html.select("pre code").get(0).text())
                .isEqualTo("{{< figure src=\"x.png\" >}}\n{{< youtube abc >}}");
        assertThat(html.select("pre code").get(1).text()).isEqualTo("{{% highlight go %}}indented{{% /highlight %}}");
        assertThat(html.select("iframe, figure")).isEmpty();
    }

    // ---- built-ins

    @Test
    void youtubeIsAPrivacyFriendlySandboxedIframe() {
        for (String text : List.of("{{< youtube nhOY2PAJHio >}}", "{{< youtube id=\"nhOY2PAJHio\" start=\"30\" autoplay=true >}}")) {
            Document html = render("Intro\n\n" + text + "\n\nAfter");
            Element iframe = html.selectFirst("iframe");
            assertThat(iframe).isNotNull();
            assertThat(iframe.attr("src")).startsWith("https://www.youtube-nocookie.com/embed/nhOY2PAJHio");
            assertThat(iframe.attr("src")).doesNotContain("autoplay");
            assertThat(iframe.hasAttr("allowfullscreen")).isTrue();
            assertThat(iframe.attr("loading")).isEqualTo("lazy");
            assertThat(iframe.attr("sandbox")).isNotBlank();
            assertThat(iframe.attr("title")).isEqualTo("YouTube video");
            assertThat(iframe.parent().tagName()).isEqualTo("div");
            assertThat(iframe.parent().parent().tagName()).isEqualTo("body"); // not wrapped in <p>
        }
        assertThat(render("{{< youtube id=\"a\" start=\"30\" >}}").selectFirst("iframe").attr("src"))
                .isEqualTo("https://www.youtube-nocookie.com/embed/a?start=30");
    }

    @Test
    void argumentsCannotBreakOutOfTheirAttribute() {
        Document html = render("{{< youtube \"x\\\" onload=\\\"alert(1)\" >}}\n\n"
                + "{{< figure src=\"a.png\\\" onerror=\\\"alert(1)\" title=\"<script>alert(1)</script>\" link=\"javascript:alert(1)\" >}}\n\n"
                + "{{< vimeo \"1\\\"><script>alert(1)</script>\" >}}\n\n"
                + "{{< gist \"u\\\"><script>\" 1 >}}\n\n{{< param author >}}");
        assertThat(html.select("script")).isEmpty();
        assertThat(html.select("iframe")).isEmpty(); // the ids are not ids
        for (Element element : html.getAllElements()) {
            element.attributes().forEach(a -> assertThat(a.getKey()).doesNotStartWith("on"));
        }
        assertThat(html.select("a[href^=javascript]")).isEmpty();
        Element img = html.selectFirst("figure img");
        assertThat(img.attr("src")).isEqualTo("/api/media/content/posts/bundle/a.png\" onerror=\"alert(1)");
        assertThat(html.selectFirst("figcaption h4").text()).isEqualTo("<script>alert(1)</script>");
        assertThat(html.text()).contains("Ada <Lovelace>");
    }

    @Test
    void figureRendersAsHugoDoes() {
        Document html = render("{{< figure src=\"cat.png\" alt=\"A cat\" title=\"Cat\" caption=\"A *fine* cat\" "
                + "link=\"https://example.com/cat\" width=\"300\" class=\"wide\" attr=\"Photo: Ada\" attrlink=\"https://example.com/ada\" >}}");
        Element figure = html.selectFirst("body > figure");
        assertThat(figure.attr("class")).isEqualTo("wide");
        Element img = figure.selectFirst("a[href=https://example.com/cat] > img");
        assertThat(img.attr("src")).isEqualTo("/api/media/content/posts/bundle/cat.png");
        assertThat(img.attr("alt")).isEqualTo("A cat");
        assertThat(img.attr("width")).isEqualTo("300");
        assertThat(figure.selectFirst("figcaption h4").text()).isEqualTo("Cat");
        assertThat(figure.selectFirst("figcaption p em").text()).isEqualTo("fine");
        assertThat(figure.selectFirst("figcaption p a[href=https://example.com/ada]").text()).isEqualTo("Photo: Ada");
        assertThat(render("{{< figure src=\"https://cdn.example/x.png\" caption=\"Only caption\" >}}")
                .selectFirst("img").attr("alt")).isEqualTo("Only caption");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{{< vimeo 146022717 >}}                                   | iframe | src  | https://player.vimeo.com/video/146022717?dnt=1",
            "{{< gist spf13 7896402 >}}                                 | a      | href | https://gist.github.com/spf13/7896402",
            "{{< gist spf13 7896402 \"img.html\" >}}                    | a      | href | https://gist.github.com/spf13/7896402#file-img-html",
            "{{< x user=\"SanDiegoZoo\" id=\"1453110110599868418\" >}}  | a      | href | https://x.com/SanDiegoZoo/status/1453110110599868418",
            "{{< tweet SanDiegoZoo 1453110110599868418 >}}              | a      | href | https://x.com/SanDiegoZoo/status/1453110110599868418",
            "{{< instagram CxOWiQNP2MO >}}                              | a      | href | https://www.instagram.com/p/CxOWiQNP2MO/",
            "[see]({{< relref \"posts/other-post.md#part\" >}})         | a      | href | /posts/other-post#part",
            "[see]({{< ref \"other-post\" >}})                          | a      | href | https://blog.example/posts/other-post",
            "[see]({{< relref \"/posts/bundle/index.md\" >}})           | a      | href | /posts/bundle",
    })
    void embedsAndLinks(String markdown, String element, String attribute, String value) {
        Document html = render(markdown);
        assertThat(html.select(element)).hasSize(1);
        assertThat(html.selectFirst(element).attr(attribute)).isEqualTo(value);
        assertThat(html.select("script")).isEmpty();
    }

    @Test
    void highlightEscapesItsInnerContent() {
        Document html = render("{{< highlight go \"linenos=table\" >}}\nfunc main() { a := \"<b>\" }\n{{< /highlight >}}");
        Element code = html.selectFirst("body > pre > code");
        assertThat(code.attr("class")).isEqualTo("language-go");
        assertThat(code.text()).isEqualTo("func main() { a := \"<b>\" }");
        assertThat(html.select("b")).isEmpty();
    }

    @Test
    void detailsRendersItsInnerMarkdownAndNestedShortcodes() {
        Document html = render("{{< details summary=\"More *info*\" open=true >}}\nSome **bold** text.\n\n"
                + "{{< youtube abc >}}\n{{< /details >}}");
        Element details = html.selectFirst("body > details");
        assertThat(details.hasAttr("open")).isTrue();
        assertThat(details.selectFirst("summary em").text()).isEqualTo("info");
        assertThat(details.selectFirst("p strong").text()).isEqualTo("bold");
        assertThat(details.selectFirst("iframe").attr("src")).isEqualTo("https://www.youtube-nocookie.com/embed/abc");
    }

    @Test
    void paramReadsFrontMatterEscaped() {
        Document html = render("By {{< param author >}} ({{% param \"social.github\" %}}).");
        assertThat(html.selectFirst("p").text()).isEqualTo("By Ada <Lovelace> (ada).");
    }

    @Test
    void unknownShortcodesKeepTheirInnerMarkdownAndWarn() {
        Document html = render("{{< note >}}\nA **note** with [a link](https://example.com).\n{{< /note >}}\n\n"
                + "{{% alert color=\"red\" %}}Careful{{% /alert %}}\n\n{{< button href=\"/x\" />}}");
        assertThat(html.selectFirst("strong").text()).isEqualTo("note");
        assertThat(html.text()).contains("Careful").doesNotContain("{{").doesNotContain("button");
        assertThat(warnings).anyMatch(w -> w.contains("'note'")).anyMatch(w -> w.contains("'alert'"))
                .anyMatch(w -> w.contains("'button'"));
    }

    @Test
    void refToAnUnknownPostWarnsAndLinksNowhere() {
        Document html = render("[x]({{< relref \"missing.md\" >}})");
        assertThat(html.text()).isEqualTo("x");
        assertThat(warnings).anyMatch(w -> w.contains("missing.md"));
    }

    @Test
    void firstParagraphIsPlainTextWithoutShortcodes() {
        RenderedMarkdown rendered = renderer.render("{{< youtube nhOY2PAJHio >}}\n\nThe talk by {{< param author >}}, {{< figure src=\"a.png\" >}} in **bold**.", context);
        assertThat(rendered.firstParagraph()).isEqualTo("The talk by Ada <Lovelace>, in bold.");
        assertThat(renderer.plainText("{{< youtube nhOY2PAJHio >}}\n\nText {{< note >}}kept{{< /note >}}."))
                .isEqualTo("Text kept.");
    }

    @Test
    void markdownWithoutShortcodesIsUnchanged() {
        String markdown = "# Title\n\nSome *text* with {braces} and {{ mustache }}.\n";
        assertThat(renderer.render(markdown, context).html()).isEqualTo(renderer.render(markdown).html());
        assertThat(renderer.render(markdown).html()).contains("{{ mustache }}");
    }
}
