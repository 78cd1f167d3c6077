package dev.slugline.importing;

import dev.slugline.testing.Archives;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.slugline.testing.Fixtures.editor;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

/** Hugo shortcodes in an imported archive: rendered as Hugo renders them, unknown ones reported, none shown as text. */
@QuarkusTest
class ShortcodeImportTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void bundleFigureRefAndUnknownShortcodeAreRenderedAndReported() {
        String run = ImportResourceTest.run();
        String tag = "sc-" + run;
        String bundle = "content/posts/talk-" + run + "/index.md";
        byte[] zip = Archives.zip(Archives.files(
                "content/posts/talk-" + run + "/stage.png", Archives.uniquePng(),
                bundle, "---\ntitle: Talk " + run + "\ndate: 2024-03-04T10:00:00Z\ntags: [" + tag + "]\nspeaker: Ada\n---\n"
                        + "{{< youtube nhOY2PAJHio >}}\n\n"
                        + "A talk by {{< param speaker >}}, see [the notes]({{< relref \"posts/notes-" + run + ".md\" >}}).\n\n"
                        + "{{< figure src=\"stage.png\" caption=\"On *stage*\" >}}\n\n"
                        + "{{< note >}}\nThis is **kept**.\n{{< /note >}}\n\n"
                        + "```\n{{</* youtube abc */>}}\n```\n",
                "content/posts/notes-" + run + ".md", "---\ntitle: Notes " + run + "\ndate: 2024-03-05T10:00:00Z\n---\nThe notes.\n"));
        JsonPath report = ImportResourceTest.importZip(zip, "").statusCode(200).body("failed", is(0)).extract().jsonPath();
        Map<String, Object> file = ImportResourceTest.file(report, bundle);
        assertThat((List<?>) file.get("warnings")).anySatisfy(w -> assertThat(w.toString()).contains("unknown shortcode 'note'"));

        JsonPath post = given().get("/api/posts/{slug}", "talk-" + run).then().statusCode(200).extract().jsonPath();
        assertThat(post.getString("summary")).isEqualTo("A talk by Ada, see the notes.");
        Document html = Jsoup.parseBodyFragment(post.getString("html"));
        assertThat(html.selectFirst("iframe").attr("src")).isEqualTo("https://www.youtube-nocookie.com/embed/nhOY2PAJHio");
        assertThat(html.selectFirst("a:contains(the notes)").attr("href")).isEqualTo("/posts/notes-" + run);
        Element img = html.selectFirst("figure img");
        assertThat(img.attr("src")).isEqualTo("/api/media/content/posts/talk-" + run + "/stage.png");
        assertThat(html.selectFirst("figure figcaption em").text()).isEqualTo("stage");
        assertThat(html.selectFirst("p > strong").text()).isEqualTo("kept");
        assertThat(html.selectFirst("pre code").text()).isEqualTo("{{< youtube abc >}}");
        html.selectFirst("pre").remove();
        assertThat(html.text()).doesNotContain("{{").doesNotContain("}}").doesNotContain("SLUGLINESC");
        given().get(img.attr("src")).then().statusCode(200).contentType("image/png");

        String rss = given().get("/feeds/tags/{tag}/rss.xml", tag).then().statusCode(200).extract().asString();
        Document feed = Jsoup.parse(rss, "", Parser.xmlParser());
        Element item = feed.selectFirst("item");
        assertThat(item.selectFirst("title").text()).isEqualTo("Talk " + run);
        for (Element field : item.children()) {
            String text = field.text();
            Document inner = Jsoup.parseBodyFragment(text);
            inner.select("pre").remove();
            assertThat(inner.text()).doesNotContain("{{<").doesNotContain("{{%").doesNotContain("SLUGLINESC");
        }
        assertThat(Jsoup.parseBodyFragment(item.selectFirst("description").text()).text()).doesNotContain("{{");
    }

    @Test
    void shortcodesWrittenThroughTheApiRenderAndRefNamesAStoredPost() {
        String target = dev.slugline.testing.Fixtures.unique("sc-target");
        dev.slugline.testing.Fixtures.create(dev.slugline.testing.Fixtures.post("Target", "Target body")).statusCode(201);
        Map<String, Object> target2 = dev.slugline.testing.Fixtures.post("Target " + target, "Body");
        target2.put("slug", target);
        dev.slugline.testing.Fixtures.create(target2).statusCode(201);
        String slug = dev.slugline.testing.Fixtures.unique("sc-api");
        Map<String, Object> post = dev.slugline.testing.Fixtures.post("Api " + slug,
                "{{< vimeo 146022717 >}}\n\nRead [this]({{< relref \"posts/" + target + ".md\" >}}) and "
                        + "{{< gist spf13 7896402 >}}\n\n{{< youtube \"x\\\" onload=\\\"alert(1)\" >}}\n");
        post.put("slug", slug);
        dev.slugline.testing.Fixtures.create(post).statusCode(201);
        JsonPath view = editor().get("/api/posts/{slug}", slug).then().statusCode(200).extract().jsonPath();
        Document html = Jsoup.parseBodyFragment(view.getString("html"));
        assertThat(html.selectFirst("iframe").attr("src")).isEqualTo("https://player.vimeo.com/video/146022717?dnt=1");
        assertThat(html.select("iframe")).hasSize(1);
        assertThat(html.selectFirst("a:contains(this)").attr("href")).isEqualTo("/posts/" + target);
        assertThat(html.selectFirst("a[href^=https://gist.github.com/]").attr("href")).isEqualTo("https://gist.github.com/spf13/7896402");
        assertThat(html.select("script, [onload]")).isEmpty();
        assertThat(view.getString("summary")).doesNotContain("{{").doesNotContain("SLUGLINESC");
        assertThat(html.text()).doesNotContain("{{");
    }
}
