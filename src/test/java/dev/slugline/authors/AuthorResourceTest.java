package dev.slugline.authors;

import dev.slugline.testing.Archives;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.slugline.testing.Fixtures.allItems;
import static dev.slugline.testing.Fixtures.as;
import static dev.slugline.testing.Fixtures.create;
import static dev.slugline.testing.Fixtures.editor;
import static dev.slugline.testing.Fixtures.post;
import static dev.slugline.testing.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** Issue 15: authors as records: who a post is by, their profiles, lists, filters, feeds and what is public. */
@QuarkusTest
class AuthorResourceTest {

    private static final String MERGE_PATCH = "application/merge-patch+json";
    private static final String PASSWORD = "a long pass phrase here";

    private static String publish(String title, List<String> authors, String publishedAt) {
        Map<String, Object> body = post(title, "Written by " + authors);
        body.put("authors", authors);
        body.put("publishedAt", publishedAt);
        return create(body).statusCode(201).extract().path("slug");
    }

    @Test
    void aPostIsByTheAuthorsGivenInOrderAndTheyAreListedFilteredAndFed() {
        String zoe = "Zoë Writer " + unique("z");
        String bob = "Bob " + unique("b");
        String first = publish("Two authors " + unique("t"), List.of(zoe, bob), "2011-01-02T10:00:00+01:00");
        String second = publish("Bob alone " + unique("t"), List.of(bob), "2011-01-03T10:00:00+01:00");
        String zoeSlug = given().when().get("/api/posts/{slug}", first).then().statusCode(200)
                .body("authors.name", contains(zoe, bob))
                .body("frontMatter", not(hasKey("authors")))
                .extract().path("authors[0].slug");
        String bobSlug = given().when().get("/api/posts/{slug}", first).then().extract().path("authors[1].slug");
        assertThat(zoeSlug).startsWith("zoe-writer-");

        given().when().get("/api/authors/{slug}", bobSlug).then().statusCode(200).contentType(ContentType.JSON)
                .body("name", is(bob), "postCount", is(2), "bio", nullValue());
        given().queryParam("author", bobSlug).queryParam("fields", "slug,authors").when().get("/api/posts")
                .then().statusCode(200).body("items.slug", contains(second, first))
                .body("items[1].authors.slug", contains(zoeSlug, bobSlug));
        given().queryParam("author", zoeSlug + "," + bobSlug).when().get("/api/posts")
                .then().statusCode(200).body("items.slug", contains(second, first));
        assertThat(allItems(() -> given(), "/api/authors")).extracting(a -> a.get("slug")).contains(zoeSlug, bobSlug);

        String rss = given().when().get("/feeds/authors/{slug}/rss.xml", zoeSlug).then().statusCode(200)
                .contentType(containsString("rss")).extract().asString();
        Document feed = Jsoup.parse(rss, "", Parser.xmlParser());
        assertThat(feed.select("channel > title").text()).endsWith(zoe);
        assertThat(feed.select("item")).hasSize(1);
        assertThat(feed.select("item > link").text()).endsWith("/" + first);
        assertThat(feed.select("item").first().getElementsByTag("dc:creator").eachText()).containsExactly(zoe, bob);
        String atom = given().when().get("/feeds/authors/{slug}/atom.xml", zoeSlug).then().statusCode(200).extract().asString();
        assertThat(Jsoup.parse(atom, "", Parser.xmlParser()).select("entry > author > name").eachText()).containsExactly(zoe, bob);
        JsonPath json = given().when().get("/feeds/authors/{slug}/feed.json", bobSlug).then().statusCode(200)
                .extract().jsonPath();
        List<Object> names = json.getList("items.collect { it.authors*.name }");
        assertThat(names).containsExactly(List.of(bob), List.of(zoe, bob));
        given().when().get("/feeds/authors/{slug}/atom.xml", "nobody-" + unique("n")).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void withoutAuthorsAPostIsByTheAccountThatWritesIt() {
        String writer = unique("writer");
        editor().contentType(ContentType.JSON).body(Map.of("username", writer, "password", PASSWORD, "role", "author"))
                .when().post("/api/users").then().statusCode(201);
        Map<String, Object> draft = post("Mine " + unique("m"), "Draft text");
        draft.put("status", "draft");
        String slug = as(writer, PASSWORD).contentType(ContentType.JSON).body(draft).when().post("/api/posts")
                .then().statusCode(201).body("authors.slug", contains(writer)).body("authors.name", contains(writer))
                .extract().path("slug");

        // a replace without authors keeps them; the editor who publishes it does not become its author
        Map<String, Object> published = post("Mine, published", "Now public");
        published.put("publishedAt", "2011-02-01T08:00:00Z");
        String etag = editor().when().get("/api/posts/{slug}", slug).then().extract().header("ETag");
        editor().contentType(ContentType.JSON).header("If-Match", etag).body(published)
                .when().put("/api/posts/{slug}", slug).then().statusCode(200).body("authors.slug", contains(writer));
        given().when().get("/api/authors/{slug}", writer).then().statusCode(200).body("postCount", is(1));

        String mine = editor().contentType(ContentType.JSON).body(post("By the admin " + unique("a"), "x"))
                .when().post("/api/posts").then().statusCode(201).body("authors.slug", contains("admin"))
                .extract().path("slug");
        given().when().get("/api/posts/{slug}", mine).then().body("authors.name", contains("admin"));
    }

    @Test
    void anAuthorWhomOnlyDraftsCarryIsNotPublic() {
        String secret = "Secret Zebra " + unique("s");
        Map<String, Object> draft = post("Unannounced " + unique("u"), "Soon");
        draft.put("status", "draft");
        draft.put("authors", List.of(secret));
        String authorSlug = create(draft).statusCode(201).extract().path("authors[0].slug");

        given().when().get("/api/authors/{slug}", authorSlug).then().statusCode(404)
                .contentType("application/problem+json");
        given().when().get("/feeds/authors/{slug}/rss.xml", authorSlug).then().statusCode(404);
        assertThat(allItems(() -> given(), "/api/authors")).extracting(a -> a.get("slug")).doesNotContain(authorSlug);
        given().queryParam("visibility", "all").when().get("/api/authors/{slug}", authorSlug).then().statusCode(401);

        editor().queryParam("visibility", "all").when().get("/api/authors/{slug}", authorSlug).then().statusCode(200)
                .header("Cache-Control", containsString("no-store")).body("name", is(secret), "postCount", is(0));
        assertThat(allItems(() -> editor().queryParam("visibility", "all"), "/api/authors"))
                .extracting(a -> a.get("slug")).contains(authorSlug);
    }

    @Test
    void anEditorChangesAProfileWithIfMatchAndPostsKeepTheirAuthor() {
        String name = "Alice " + unique("a");
        String slug = publish("Profile " + unique("p"), List.of(name), "2011-03-01T09:00:00Z");
        String authorSlug = given().when().get("/api/posts/{slug}", slug).then().extract().path("authors[0].slug");
        String etag = given().when().get("/api/authors/{slug}", authorSlug).then().statusCode(200).extract().header("ETag");

        editor().contentType(MERGE_PATCH).body(Map.of("bio", "No If-Match")).when().patch("/api/authors/{slug}", authorSlug)
                .then().statusCode(428).contentType("application/problem+json");
        String changed = editor().contentType(MERGE_PATCH).header("If-Match", etag)
                .body(Map.of("name", "Alice Martin", "bio", "  Writes about Kubernetes ", "website", "https://alice.example",
                        "profileImage", "/api/media/authors/alice.jpg", "location", "Paris"))
                .when().patch("/api/authors/{slug}", authorSlug).then().statusCode(200)
                .body("slug", is(authorSlug), "name", is("Alice Martin"), "bio", is("Writes about Kubernetes"),
                        "website", is("https://alice.example"), "profileImage", is("/api/media/authors/alice.jpg"),
                        "location", is("Paris"), "postCount", is(1))
                .extract().header("ETag");
        assertThat(changed).isNotEqualTo(etag);
        editor().contentType(MERGE_PATCH).header("If-Match", etag).body(Map.of("bio", "Lost update"))
                .when().patch("/api/authors/{slug}", authorSlug).then().statusCode(412);

        // a post changed after the rename keeps its author (the name is hers now, the slug too)
        editor().contentType(MERGE_PATCH).header("If-Match", editor().get("/api/posts/{slug}", slug).header("ETag"))
                .body(Map.of("title", "Profile, retitled")).when().patch("/api/posts/{slug}", slug)
                .then().statusCode(200).body("authors.slug", contains(authorSlug)).body("authors.name", contains("Alice Martin"));
        given().when().get("/api/authors/{slug}", authorSlug).then().body("postCount", is(1), "bio", is("Writes about Kubernetes"));
    }

    @Test
    void badProfileChangesAreRefusedNamingTheFieldAndChangeNothing() {
        String slug = publish("Refusals " + unique("r"), List.of("Carol " + unique("c")), "2011-03-02T09:00:00Z");
        String author = given().when().get("/api/posts/{slug}", slug).then().extract().path("authors[0].slug");
        Map<String, Object> before = given().when().get("/api/authors/{slug}", author).then().extract().jsonPath().getMap("");
        List<Map.Entry<String, Object>> bad = List.of(Map.entry("website", "javascript:alert(1)"),
                Map.entry("profileImage", "//evil.example/x.png"), Map.entry("coverImage", "data:image/png;base64,AAAA"),
                Map.entry("name", "   "), Map.entry("slug", "renamed"), Map.entry("location", "x".repeat(201)),
                Map.entry("bio", 42));
        for (Map.Entry<String, Object> change : bad) {
            editor().contentType(MERGE_PATCH).header("If-Match", "*").body(Map.of(change.getKey(), change.getValue()))
                    .when().patch("/api/authors/{slug}", author)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("violations[0].field", is(change.getKey()));
        }
        editor().contentType(MERGE_PATCH).header("If-Match", "*").body("{\"name\": ").when()
                .patch("/api/authors/{slug}", author).then().statusCode(400).contentType("application/problem+json");
        editor().contentType(MERGE_PATCH).header("If-Match", "*").body(Map.of("bio", "x"))
                .when().patch("/api/authors/{slug}", "nobody-" + unique("n")).then().statusCode(404);
        given().contentType(MERGE_PATCH).header("If-Match", "*").body(Map.of("bio", "x"))
                .when().patch("/api/authors/{slug}", author).then().statusCode(401);
        assertThat(given().when().get("/api/authors/{slug}", author).then().extract().jsonPath().getMap(""))
                .isEqualTo(before);
        given().queryParam("author", "Not A Slug!").when().get("/api/posts").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", is("author"));
    }

    @Test
    void importedFrontMatterNamesTheAuthorsAndTheExportWritesThemBack() {
        String run = unique("run").substring(4);
        String hugo = "Hugo Writer " + run;
        String second = "Second Writer " + run;
        String jekyll = "Jekyll Writer " + run;
        String mapped = "Mapped Writer " + run;
        Map<String, byte[]> site = Archives.files(
                "content/posts/hugo-" + run + ".md", "---\ntitle: Hugo " + run + "\ndate: 2011-04-01T10:00:00+02:00\n"
                        + "authors: [\"" + hugo + "\", \"" + second + "\"]\n---\nBody\n",
                "content/posts/both-" + run + ".md", "---\ntitle: Both " + run + "\ndate: 2011-04-02T10:00:00+02:00\n"
                        + "author: Ignored " + run + "\nauthors: \"" + second + "\"\n---\nBody\n",
                "_posts/2011-04-03-jekyll-" + run + ".md", "---\ntitle: Jekyll " + run + "\nauthor: " + jekyll
                        + "\n---\nBody\n",
                "_posts/2011-04-04-mapped-" + run + ".md", "---\ntitle: Mapped " + run + "\nauthor:\n  name: " + mapped
                        + "\n  twitter: mapped\n---\nBody\n",
                "content/posts/folded-" + run + ".md", "---\ntitle: Folded " + run + "\ndate: 2011-04-05T10:00:00Z\n"
                        + "author: >\n  " + hugo + ",\n  " + jekyll + "\n---\nBody\n",
                "content/posts/nobody-" + run + ".md", "---\ntitle: Nobody " + run + "\ndate: 2011-04-06T10:00:00Z\n---\nBody\n",
                "content/about-" + run + ".md", "---\ntitle: About " + run + "\ntype: page\nauthor: " + hugo + "\n---\nWho\n");
        JsonPath report = editor().contentType("application/zip").body(Archives.zip(site)).when().post("/api/imports")
                .then().statusCode(200).body("failed", is(0)).extract().jsonPath();
        assertThat(report.getList("files.findAll { it.kind == 'post' }.status")).hasSize(6).containsOnly("created");
        assertThat(report.getList("files.findAll { it.kind == 'page' }.status")).containsExactly("created");

        assertThat(authorNames("/api/posts/hugo-" + run)).containsExactly(hugo, second);
        assertThat(authorNames("/api/posts/both-" + run)).containsExactly(second);
        assertThat(authorNames("/api/posts/jekyll-" + run)).containsExactly(jekyll);
        assertThat(authorNames("/api/posts/mapped-" + run)).containsExactly(mapped);
        assertThat(authorNames("/api/posts/folded-" + run)).containsExactly(hugo, jekyll);
        assertThat(authorNames("/api/posts/nobody-" + run)).containsExactly("admin");
        assertThat(authorNames("/api/pages/about-" + run)).containsExactly(hugo);
        // a key that held only names leaves the front matter; one that holds more stays, nothing is lost
        given().when().get("/api/posts/jekyll-" + run).then().body("frontMatter", not(hasKey("author")));
        given().when().get("/api/posts/mapped-" + run).then().body("frontMatter.author.twitter", is("mapped"));
        String hugoSlug = given().when().get("/api/posts/hugo-" + run).then().extract().path("authors[0].slug");
        // pages are not posts: Hugo's author has the three posts, not the page
        given().when().get("/api/authors/{slug}", hugoSlug).then().statusCode(200).body("name", is(hugo), "postCount", is(2));

        // the export writes them back; importing it again changes nothing
        String markdown = editor().accept("text/markdown").when().get("/api/posts/{slug}", "hugo-" + run).then()
                .statusCode(200).extract().asString();
        assertThat(markdown).contains("authors:");
        String copy = "hugo-copy-" + run;
        String file = markdown.replaceFirst("(?m)^slug: \"?hugo-" + run + "\"?$", "slug: " + copy);
        editor().contentType("application/zip").body(Archives.zip(Archives.files("content/posts/" + copy + ".md", file)))
                .when().post("/api/imports").then().statusCode(200).body("failed", is(0));
        assertThat(authorNames("/api/posts/" + copy)).containsExactly(hugo, second);
        editor().contentType("application/zip").body(Archives.zip(site)).when().post("/api/imports")
                .then().statusCode(200).body("files.findAll { it.kind != 'media' }.status", org.hamcrest.Matchers.everyItem(is("unchanged")));
    }

    private static List<String> authorNames(String path) {
        return given().when().get(path).then().statusCode(200).extract().path("authors.name");
    }
}
