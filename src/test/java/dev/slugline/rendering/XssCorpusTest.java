package dev.slugline.rendering;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slugline.testing.Archives;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static dev.slugline.testing.Fixtures.editor;
import static dev.slugline.testing.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hundreds of payloads of a public XSS corpus (src/test/resources/xss, payloadbox/xss-payload-list) imported in one
 * archive, as Markdown bodies and HTML pages, and for a sample as title, summary and tag; every output a client
 * or feed reader gets is parsed as HTML and must hold nothing that runs script.
 */
@QuarkusTest
class XssCorpusTest {

    private static final int BATCH = 20;
    private static final Set<String> FORBIDDEN = Set.of("script", "style", "form", "base", "meta", "object", "embed",
            "link", "svg", "math", "applet", "frame", "frameset", "noscript", "template", "textarea", "button", "select");
    private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "action", "formaction", "xlink:href",
            "srcset", "poster", "background", "data", "codebase", "dynsrc", "lowsrc", "cite");
    private static final Set<String> EMBED_HOSTS = Set.of("www.youtube-nocookie.com", "youtube-nocookie.com",
            "www.youtube.com", "youtube.com", "player.vimeo.com");

    private final ObjectMapper json = new ObjectMapper();

    @Inject
    MarkdownRenderer renderer;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    static List<String> payloads() {
        try (InputStream in = XssCorpusTest.class.getResourceAsStream("/xss/payloadbox-xss-payload-list.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void noOutputOfAnyPayloadCanRunScript() throws Exception {
        List<String> payloads = payloads();
        assertThat(payloads).hasSizeGreaterThan(500);
        String run = unique("xss").toLowerCase(Locale.ROOT);
        Map<String, byte[]> files = new LinkedHashMap<>();
        Map<String, String> batchOf = new LinkedHashMap<>();
        int metaSamples = 0;
        for (int i = 0; i < payloads.size(); i++) {
            String payload = payloads.get(i);
            String slug = run + "-" + i;
            String batch = run + "-b" + (i / BATCH);
            batchOf.put(slug, batch);
            boolean meta = i % 4 == 0; // a good sample carries the payload in title, summary, tag and author as well
            List<String> tags = meta ? List.of(batch, payload) : List.of(batch);
            StringBuilder file = new StringBuilder("---\n")
                    .append("title: ").append(json.writeValueAsString(meta ? payload : "Payload " + i)).append('\n')
                    .append("slug: ").append(slug).append('\n')
                    .append("date: ").append(String.format("1887-01-01T00:%02d:%02dZ", i / 60, i % 60)).append('\n')
                    .append("tags: ").append(json.writeValueAsString(tags)).append('\n');
            if (meta) {
                file.append("summary: ").append(json.writeValueAsString(payload)).append('\n');
                file.append("author: ").append(json.writeValueAsString(payload)).append('\n');
                metaSamples++;
            }
            file.append("---\n");
            // as a block, inline in a paragraph, and (every third) as a whole HTML page
            file.append(payload).append("\n\nText ").append(payload).append(" end.\n");
            String path = "content/" + run + "/p" + i + (i % 3 == 0 ? ".html" : ".md");
            files.put(path, file.toString().getBytes(StandardCharsets.UTF_8));
        }

        JsonPath report = editor().contentType("application/zip").body(Archives.zip(files)).when().post("/api/imports")
                .then().statusCode(200).extract().jsonPath();
        List<String> created = report.getList("files.findAll { it.kind == 'post' && it.status == 'created' }.slug");
        // a payload as tag or title may be refused as a file (a tag with no letter to make a slug of); bodies never
        assertThat(created).as(report.prettify()).hasSizeGreaterThan(payloads.size() - metaSamples);
        assertThat(report.getList("files.findAll { it.path.endsWith('.html') && it.status == 'created' }"))
                .hasSizeGreaterThan(payloads.size() / 3 - metaSamples);

        // the JSON html of every post, read a batch at a time (the same field GET /api/posts/{slug} answers)
        Set<String> seen = new java.util.HashSet<>();
        for (String batch : new java.util.LinkedHashSet<>(batchOf.values())) {
            JsonPath list = given().queryParam("tag", batch).queryParam("fields", "slug,html").queryParam("size", BATCH)
                    .when().get("/api/posts").then().statusCode(200).extract().jsonPath();
            List<String> slugs = list.getList("items.slug");
            List<String> htmls = list.getList("items.html");
            for (int i = 0; i < slugs.size(); i++) {
                assertSafe(Jsoup.parseBodyFragment(htmls.get(i)), "JSON html of " + where(run, slugs.get(i), payloads));
                seen.add(slugs.get(i));
            }
            checkFeeds(batch);
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(created);
        // one by one for a sample: JSON and text/html
        for (int i = 0; i < created.size(); i += 10) {
            String slug = created.get(i);
            String html = given().get("/api/posts/{slug}", slug).then().statusCode(200).extract().path("html");
            assertSafe(Jsoup.parseBodyFragment(html), "JSON html of " + where(run, slug, payloads));
            String page = given().accept("text/html").get("/api/posts/{slug}", slug).then().statusCode(200)
                    .extract().asString();
            assertSafe(Jsoup.parse(page), "text/html of " + where(run, slug, payloads));
        }

        byte[] zip = editor().get("/api/exports").then().statusCode(200).contentType("application/zip").extract().asByteArray();
        int checked = 0;
        for (Map.Entry<String, byte[]> entry : Archives.unzip(zip).entrySet()) {
            if (!entry.getKey().contains(run)) {
                continue;
            }
            String text = new String(entry.getValue(), StandardCharsets.UTF_8);
            String body = text.substring(text.indexOf("\n---\n") + 5);
            if (entry.getKey().endsWith(".html")) {
                // an HTML page is exported as the clean HTML it was stored as
                assertSafe(Jsoup.parseBodyFragment(body), "exported " + entry.getKey());
            }
            // every exported body, rendered again, is as safe as the first time
            assertSafe(Jsoup.parseBodyFragment(renderer.render(body).html()), "re-rendered export " + entry.getKey());
            checked++;
        }
        assertThat(checked).isEqualTo(created.size());
    }

    private static String where(String run, String slug, List<String> payloads) {
        return slug + " (" + payloads.get(Integer.parseInt(slug.substring(run.length() + 1))) + ")";
    }

    private void checkFeeds(String tag) {
        String rss = given().get("/feeds/tags/{tag}/rss.xml", tag).then().statusCode(200).extract().asString();
        Document rssXml = Jsoup.parse(rss, "", Parser.xmlParser());
        assertThat(rssXml.select("item")).isNotEmpty();
        assertNoScriptElements(rssXml, "RSS " + tag);
        for (Element item : rssXml.select("item")) {
            Element description = item.selectFirst("description");
            if (description != null) {
                assertSafe(Jsoup.parseBodyFragment(description.text()), "RSS description in " + tag);
            }
            Element encoded = item.getElementsByTag("content:encoded").first();
            assertThat(encoded).as("content:encoded in " + tag).isNotNull();
            assertSafe(Jsoup.parseBodyFragment(encoded.text()), "RSS content:encoded in " + tag);
        }

        String atom = given().get("/feeds/tags/{tag}/atom.xml", tag).then().statusCode(200).extract().asString();
        Document atomXml = Jsoup.parse(atom, "", Parser.xmlParser());
        assertThat(atomXml.select("entry")).isNotEmpty();
        assertNoScriptElements(atomXml, "Atom " + tag);
        for (Element entry : atomXml.select("entry")) {
            for (Element content : entry.select("content, summary")) {
                String value = content.attr("type").equals("html") ? content.text() : content.html();
                assertSafe(Jsoup.parseBodyFragment(value), "Atom " + content.tagName() + " in " + tag);
            }
        }

        JsonPath feed = given().get("/feeds/tags/{tag}/feed.json", tag).then().statusCode(200).extract().jsonPath();
        List<String> htmls = feed.getList("items.content_html");
        assertThat(htmls).isNotEmpty();
        for (String html : htmls) {
            assertSafe(Jsoup.parseBodyFragment(html), "JSON Feed content_html in " + tag);
        }
    }

    private static void assertNoScriptElements(Document xml, String where) {
        for (Element element : xml.getAllElements()) {
            assertThat(Set.of("script", "style", "base", "meta", "object", "embed", "form", "iframe", "svg", "math")).as(where + ": element " + element.tagName()).doesNotContain(element.normalName());
            for (Attribute attribute : element.attributes()) {
                assertThat(attribute.getKey().toLowerCase(Locale.ROOT)).as(where).doesNotStartWith("on");
            }
        }
    }

    /** Nothing in the document may run script, load a frame from elsewhere, restyle the page or post a form. */
    static void assertSafe(Document html, String where) {
        for (Element element : html.getAllElements()) {
            String name = element.normalName();
            assertThat(FORBIDDEN).as(where + ": element <" + name + "> in " + html.body().html()).doesNotContain(name);
            for (Attribute attribute : element.attributes()) {
                String key = attribute.getKey().toLowerCase(Locale.ROOT);
                String value = attribute.getValue();
                assertThat(key).as(where + ": attribute " + key + " in " + html.body().html()).doesNotStartWith("on");
                assertThat(key).as(where).isNotEqualTo("srcdoc").isNotEqualTo("style");
                if (URL_ATTRIBUTES.contains(key)) {
                    for (String url : key.equals("srcset") ? value.split(",") : new String[] {value}) {
                        String squeezed = url.replaceAll("[\\p{Cntrl}\\s]", "").toLowerCase(Locale.ROOT);
                        assertThat(squeezed).as(where + ": " + key + "=" + value)
                                .doesNotStartWith("javascript:").doesNotStartWith("vbscript:").doesNotStartWith("data:");
                    }
                }
            }
            if (name.equals("iframe")) {
                assertThat(element.attr("sandbox")).as(where + ": iframe sandbox").isNotBlank();
                assertThat(EMBED_HOSTS).as(where + ": iframe host").contains(URI.create(element.attr("src")).getHost());
            }
            if (name.equals("input")) {
                assertThat(element.attr("type")).as(where).isEqualTo("checkbox");
                assertThat(element.hasAttr("disabled")).as(where).isTrue();
            }
        }
    }
}
