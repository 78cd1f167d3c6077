package dev.slugline.feeds;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static dev.slugline.testing.Fixtures.createPublished;
import static dev.slugline.testing.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class FeedResourceTest {

    private static final String ATOM = "http://www.w3.org/2005/Atom";

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static Document xml(Response response) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(response.asByteArray()));
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        assertThat(nodes.getLength()).as("<%s> in <%s>", tag, parent.getTagName()).isGreaterThan(0);
        return nodes.item(0).getTextContent();
    }

    @Test
    void rssHasTheRequiredElementsAndFullHtmlWithAbsoluteLinks() throws Exception {
        String tag = unique("rss");
        String slug = createPublished(unique("rss-post"), recent(ZoneOffset.UTC), List.of(tag), List.of());
        Response response = given().when().get("/feeds/tags/{tag}/rss.xml", tag);
        response.then().statusCode(200).contentType(containsString("application/rss+xml"))
                .header("ETag", not(emptyOrNullString())).header("Cache-Control", containsString("max-age"));
        Document doc = xml(response);
        Element rss = doc.getDocumentElement();
        assertThat(rss.getTagName()).isEqualTo("rss");
        assertThat(rss.getAttribute("version")).isEqualTo("2.0");
        Element channel = (Element) rss.getElementsByTagName("channel").item(0);
        assertThat(text(channel, "title")).contains(tag);
        assertThat(text(channel, "link")).isEqualTo("http://localhost:8080/");
        assertThat(text(channel, "description")).isNotBlank();
        NodeList items = channel.getElementsByTagName("item");
        assertThat(items.getLength()).isEqualTo(1);
        Element item = (Element) items.item(0);
        assertThat(text(item, "title")).isEqualTo("Post " + slug);
        assertThat(text(item, "link")).isEqualTo("http://localhost:8080/posts/" + slug);
        assertThat(text(item, "guid")).isEqualTo("http://localhost:8080/posts/" + slug);
        assertThat(text(item, "pubDate")).contains(String.valueOf(java.time.Year.now(ZoneOffset.UTC).getValue()));
        assertThat(doc.getElementsByTagNameNS("http://purl.org/rss/1.0/modules/content/", "encoded").item(0).getTextContent())
                .contains("<p>Body of " + slug + "</p>");
    }

    @Test
    void atomHasTheRequiredElements() throws Exception {
        String cat = unique("atom");
        String slug = createPublished(unique("atom-post"), recent(ZoneOffset.ofHours(2)), List.of(), List.of(cat));
        Response response = given().when().get("/feeds/categories/{cat}/atom.xml", cat);
        response.then().statusCode(200).contentType(containsString("application/atom+xml"));
        Document doc = xml(response);
        Element feed = doc.getDocumentElement();
        assertThat(feed.getLocalName()).isEqualTo("feed");
        assertThat(feed.getNamespaceURI()).isEqualTo(ATOM);
        assertThat(text(feed, "id")).isNotBlank();
        assertThat(text(feed, "title")).contains(cat);
        assertThat(text(feed, "updated")).isNotBlank();
        Element entry = (Element) feed.getElementsByTagNameNS(ATOM, "entry").item(0);
        assertThat(text(entry, "id")).isEqualTo("http://localhost:8080/posts/" + slug);
        assertThat(text(entry, "title")).isEqualTo("Post " + slug);
        assertThat(text(entry, "updated")).isNotBlank();
        assertThat(text(entry, "content")).contains("Body of " + slug);
        assertThat(((Element) entry.getElementsByTagNameNS(ATOM, "link").item(0)).getAttribute("href"))
                .isEqualTo("http://localhost:8080/posts/" + slug);
        List<String> rels = new ArrayList<>();
        NodeList links = feed.getElementsByTagNameNS(ATOM, "link");
        for (int i = 0; i < links.getLength(); i++) {
            if (links.item(i).getParentNode() == feed) {
                rels.add(((Element) links.item(i)).getAttribute("rel") + " " + ((Element) links.item(i)).getAttribute("href"));
            }
        }
        assertThat(rels).contains("self http://localhost:8080/feeds/categories/" + cat + "/atom.xml");
    }

    /**
     * A publication date just past, so the post is public (a future date would make it scheduled) and newer than
     * what other tests made before, so it is on the first page of the site-wide feeds.
     */
    private static String recent(ZoneOffset offset) {
        return OffsetDateTime.now(offset).minusSeconds(1).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    @Test
    void jsonFeedHasTheRequiredFields() {
        String tag = unique("jf");
        String date = recent(ZoneOffset.UTC);
        String slug = createPublished(unique("json-post"), date, List.of(tag), List.of());
        Response response = given().when().get("/feeds/tags/{tag}/feed.json", tag);
        response.then().statusCode(200).contentType(containsString("application/feed+json"))
                .body("version", is("https://jsonfeed.org/version/1.1"),
                        "title", containsString(tag),
                        "home_page_url", is("http://localhost:8080/"),
                        "feed_url", is("http://localhost:8080/feeds/tags/" + tag + "/feed.json"),
                        "items[0].id", is("http://localhost:8080/posts/" + slug),
                        "items[0].url", is("http://localhost:8080/posts/" + slug),
                        "items[0].content_html", containsString("Body of " + slug),
                        "items[0].date_published", is(date));
        List<Map<String, Object>> items = response.path("items");
        assertThat(items).allSatisfy(item -> assertThat(item).containsKey("id")
                .satisfiesAnyOf(i -> assertThat(i).containsKey("content_html"), i -> assertThat(i).containsKey("content_text")));
    }

    @Test
    void charactersXmlCannotHoldAreLeftOutOfTheFeeds() throws Exception {
        String tag = unique("bell");
        java.util.Map<String, Object> body = dev.slugline.testing.Fixtures.post("Bell\u0007 " + tag, "Vertical\u000btab and \uFFFF.");
        body.put("slug", tag);
        body.put("publishedAt", recent(ZoneOffset.UTC));
        body.put("tags", List.of(tag, "ring\u0001" + tag));
        dev.slugline.testing.Fixtures.create(body).statusCode(201);
        for (String file : List.of("rss.xml", "atom.xml")) {
            Document feed = xml(given().when().get("/feeds/tags/" + tag + "/" + file).then().statusCode(200).extract().response());
            String titles = feed.getDocumentElement().getTextContent();
            assertThat(titles).as(file).contains("Bell " + tag).doesNotContain("\u0007");
        }
        given().when().get("/feeds/tags/" + tag + "/feed.json").then().statusCode(200).body("items[0].title", is("Bell\u0007 " + tag));
    }

    @Test
    void siteFeedsAndSitemap() throws Exception {
        String slug = createPublished(unique("site"), recent(ZoneOffset.UTC), List.of(), List.of());
        // neither a draft nor a post scheduled for later is in any feed or the sitemap
        java.util.Map<String, Object> draft = dev.slugline.testing.Fixtures.post("Draft", "Not yet");
        draft.put("slug", unique("site-draft"));
        draft.put("status", "draft");
        String draftSlug = dev.slugline.testing.Fixtures.create(draft).statusCode(201).extract().path("slug");
        String scheduled = createPublished(unique("site-later"), java.time.OffsetDateTime.now(ZoneOffset.UTC).plusDays(3)
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString(), List.of(), List.of());
        String post = "http://localhost:8080/posts/";

        Document rss = xml(given().when().get("/feeds/rss.xml").then().statusCode(200).extract().response());
        List<String> rssLinks = new ArrayList<>();
        NodeList items = rss.getElementsByTagName("item");
        for (int i = 0; i < items.getLength(); i++) {
            rssLinks.add(text((Element) items.item(i), "link"));
        }
        assertThat(rssLinks).contains(post + slug).doesNotContain(post + draftSlug, post + scheduled);

        Document atom = xml(given().when().get("/feeds/atom.xml").then().statusCode(200).extract().response());
        List<String> atomLinks = new ArrayList<>();
        NodeList links = atom.getElementsByTagNameNS(ATOM, "link");
        for (int i = 0; i < links.getLength(); i++) {
            atomLinks.add(((Element) links.item(i)).getAttribute("href"));
        }
        assertThat(atomLinks).contains(post + slug).doesNotContain(post + draftSlug, post + scheduled);

        List<String> jsonIds = given().when().get("/feeds/feed.json").then().statusCode(200).extract().path("items.id");
        assertThat(jsonIds).contains(post + slug).doesNotContain(post + draftSlug, post + scheduled);

        Response response = given().when().get("/sitemap.xml");
        response.then().statusCode(200).contentType(containsString("application/xml")).header("ETag", not(emptyOrNullString()));
        Document doc = xml(response);
        Element urlset = doc.getDocumentElement();
        assertThat(urlset.getLocalName()).isEqualTo("urlset");
        assertThat(urlset.getNamespaceURI()).isEqualTo("http://www.sitemaps.org/schemas/sitemap/0.9");
        NodeList urls = urlset.getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", "url");
        List<String> locs = new ArrayList<>();
        for (int i = 0; i < urls.getLength(); i++) {
            Element url = (Element) urls.item(i);
            String loc = text(url, "loc");
            assertThat(loc).startsWith("http://localhost:8080/");
            locs.add(loc);
        }
        assertThat(locs).contains(post + slug).doesNotContain(post + draftSlug, post + scheduled);
    }

    @Test
    void theSitemapListsPublicPagesAtTheirPagePath() throws Exception {
        Map<String, Object> about = dev.slugline.testing.Fixtures.post("About", "Who we are.");
        about.put("slug", unique("sitemap-about"));
        about.put("type", "page");
        about.put("publishedAt", "2024-01-02T03:04:05Z");
        String page = dev.slugline.testing.Fixtures.create(about).statusCode(201).extract().path("slug");
        Map<String, Object> draft = dev.slugline.testing.Fixtures.post("Draft page", "Not yet.");
        draft.put("slug", unique("sitemap-draft-page"));
        draft.put("type", "page");
        draft.put("status", "draft");
        String draftPage = dev.slugline.testing.Fixtures.create(draft).statusCode(201).extract().path("slug");
        String post = createPublished(unique("sitemap-post"), "2024-01-03T00:00:00Z", List.of(), List.of());

        Document doc = xml(given().when().get("/sitemap.xml").then().statusCode(200).extract().response());
        NodeList urls = doc.getDocumentElement().getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", "url");
        Map<String, String> lastmodByLoc = new java.util.HashMap<>();
        for (int i = 0; i < urls.getLength(); i++) {
            Element url = (Element) urls.item(i);
            NodeList lastmod = url.getElementsByTagName("lastmod"); // the home page has none
            lastmodByLoc.put(text(url, "loc"), lastmod.getLength() == 0 ? null : lastmod.item(0).getTextContent());
        }
        // the page where slugline.site.page-path puts it (as the Ghost API's url), the post at its post path
        assertThat(lastmodByLoc).containsKeys("http://localhost:8080/" + page + "/", "http://localhost:8080/posts/" + post)
                .doesNotContainKeys("http://localhost:8080/posts/" + page, "http://localhost:8080/" + draftPage + "/",
                        "http://localhost:8080/posts/" + draftPage);
        assertThat(OffsetDateTime.parse(lastmodByLoc.get("http://localhost:8080/" + page + "/")))
                .isAfter(OffsetDateTime.now(ZoneOffset.UTC).minusHours(1));
    }

    @Test
    void unknownTermFeedIs404() {
        given().when().get("/feeds/tags/{tag}/rss.xml", unique("missing"))
                .then().statusCode(404).contentType("application/problem+json");
    }
}
