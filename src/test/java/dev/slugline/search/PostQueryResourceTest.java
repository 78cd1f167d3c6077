package dev.slugline.search;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.slugline.testing.Fixtures.create;
import static dev.slugline.testing.Fixtures.createPublished;
import static dev.slugline.testing.Fixtures.post;
import static dev.slugline.testing.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class PostQueryResourceTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static String publish(String slug, String title, String summary, String markdown, String publishedAt,
                                  List<String> tags, List<String> categories) {
        Map<String, Object> body = post(title, markdown);
        body.put("slug", slug);
        body.put("summary", summary);
        body.put("publishedAt", publishedAt);
        body.put("tags", tags);
        body.put("categories", categories);
        return create(body).statusCode(201).extract().path("slug");
    }

    @Test
    void tagsMatchAnyByDefaultAndAllOnRequest() {
        String a = unique("ta");
        String b = unique("tb");
        String onlyA = createPublished(unique("only-a"), "2024-01-01T00:00:00Z", List.of(a), List.of());
        String both = createPublished(unique("both"), "2024-01-02T00:00:00Z", List.of(a, b), List.of());
        String onlyB = createPublished(unique("only-b"), "2024-01-03T00:00:00Z", List.of(b), List.of());

        given().queryParam("tag", a).queryParam("tag", b).when().get("/api/posts")
                .then().statusCode(200).contentType(ContentType.JSON)
                .header("X-Total-Count", "3")
                .body("items.slug", contains(onlyB, both, onlyA));
        given().queryParam("tag", a).queryParam("tag", b).queryParam("match", "all").when().get("/api/posts")
                .then().statusCode(200).body("items.slug", contains(both), "totalItems", is(1));
        String c1 = unique("c1");
        String c2 = unique("c2");
        String inBoth = createPublished(unique("cats"), "2024-01-04T00:00:00Z", List.of(), List.of(c1, c2));
        String onlyC1 = createPublished(unique("cat1"), "2024-01-05T00:00:00Z", List.of(), List.of(c1));
        String onlyC2 = createPublished(unique("cat2"), "2024-01-06T00:00:00Z", List.of(), List.of(c2));
        given().queryParam("category", c1 + "," + c2).queryParam("match", "all").when().get("/api/posts")
                .then().statusCode(200).body("items.slug", contains(inBoth));
        given().queryParam("category", c1).queryParam("category", c2).when().get("/api/posts")
                .then().statusCode(200).header("X-Total-Count", "3").body("items.slug", contains(onlyC2, onlyC1, inBoth));
        given().queryParam("category", c1).queryParam("category", c2).queryParam("match", "all").when().get("/api/posts")
                .then().statusCode(200).body("items.slug", contains(inBoth));
    }

    @Test
    void datesYearAndMonthFilter() {
        String tag = unique("dates");
        String march = createPublished(unique("march"), "2021-03-15T10:00:00Z", List.of(tag), List.of());
        String april = createPublished(unique("april"), "2021-04-01T01:00:00+05:00", List.of(tag), List.of());
        String may = createPublished(unique("may"), "2021-05-20T10:00:00Z", List.of(tag), List.of());

        given().queryParam("tag", tag).queryParam("after", "2021-04-01").when().get("/api/posts")
                .then().statusCode(200).body("items.slug", contains(may));
        given().queryParam("tag", tag).queryParam("before", "2021-05-01T00:00:00+00:00").when().get("/api/posts")
                .then().statusCode(200).body("items.slug", contains(april, march));
        // April 1st 01:00 at +05:00 is still March 31st in UTC: year/month use the date as written
        given().queryParam("tag", tag).queryParam("year", 2021).queryParam("month", 4).when().get("/api/posts")
                .then().statusCode(200).body("items.slug", contains(april));
        given().queryParam("tag", tag).queryParam("year", 2021).when().get("/api/posts")
                .then().statusCode(200).body("totalItems", is(3));
    }

    @Test
    void sortOptions() {
        String tag = unique("sorts");
        String b = publish(unique("s-b"), "Banana", null, "x", "2020-01-02T00:00:00Z", List.of(tag), List.of());
        String a = publish(unique("s-a"), "Apple", null, "x", "2020-01-03T00:00:00Z", List.of(tag), List.of());
        String c = publish(unique("s-c"), "Cherry", null, "x", "2020-01-01T00:00:00Z", List.of(tag), List.of());
        given().queryParam("tag", tag).when().get("/api/posts").then().body("items.slug", contains(a, b, c));
        given().queryParam("tag", tag).queryParam("sort", "-date").when().get("/api/posts").then().body("items.slug", contains(c, b, a));
        given().queryParam("tag", tag).queryParam("sort", "title").when().get("/api/posts").then().body("items.slug", contains(a, b, c));
        given().queryParam("tag", tag).queryParam("sort", "updated").when().get("/api/posts").then().body("items.slug", contains(c, a, b));
    }

    @Test
    void sparseFieldsetsAndBodiesOnlyWhenAsked() {
        String tag = unique("fields");
        String slug = createPublished(unique("f"), "2020-01-01T00:00:00+02:00", List.of(tag), List.of());
        given().queryParam("tag", tag).queryParam("fields", "slug,title,date,tags").when().get("/api/posts")
                .then().statusCode(200)
                .body("items[0].slug", is(slug),
                        "items[0].publishedAt", is("2020-01-01T00:00:00+02:00"),
                        "items[0].tags[0].slug", is(tag),
                        "items[0]", not(hasKey("summary")),
                        "items[0]", not(hasKey("html")),
                        "items[0]", not(hasKey("id")));
        given().queryParam("tag", tag).when().get("/api/posts")
                .then().body("items[0]", not(hasKey("markdown")), "items[0]", not(hasKey("html")),
                        "items[0].summary", is("Body of " + slug));
        given().queryParam("tag", tag).queryParam("fields", "slug,html,markdown").when().get("/api/posts")
                .then().body("items[0].html", containsString("Body of " + slug),
                        "items[0].markdown", is("Body of " + slug));
    }

    @Test
    void badParametersAre400NamingTheParameter() {
        Map<String, String> cases = new HashMap<>();
        cases.put("colour=red", "colour");
        cases.put("before=yesterday", "before");
        cases.put("after=2024-13-01", "after");
        cases.put("year=twenty", "year");
        cases.put("month=13&year=2020", "month");
        cases.put("month=3", "month");
        cases.put("cursor=not-a-cursor", "cursor");
        cases.put("cursor=" + java.util.Base64.getUrlEncoder().encodeToString("c1\u001fdate\u001fx\u001f1\u001f2".getBytes()), "cursor");
        cases.put("size=0", "size");
        cases.put("size=101", "size");
        cases.put("size=ten", "size");
        cases.put("sort=popularity", "sort");
        cases.put("sort=relevance", "sort");
        cases.put("fields=slug,secret", "fields");
        cases.put("fields=snippet", "fields");
        cases.put("q=%20%20", "q");
        cases.put("tag=Not%20A%20Slug", "tag");
        cases.put("match=some", "match");
        cases.put("page=2&cursor=abc", "page");
        cases.forEach((query, parameter) -> given().urlEncodingEnabled(false).when().get("/api/posts?" + query)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", is(400), "violations[0].field", is(parameter)));
    }

    @Test
    void cursorPagingIsStableWhilePostsAreAdded() {
        String tag = unique("cursor");
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            expected.add(0, createPublished(unique("c" + i), "2023-02-0" + i + "T00:00:00Z", List.of(tag), List.of()));
        }
        Response first = given().queryParam("tag", tag).queryParam("size", 2).when().get("/api/posts");
        first.then().statusCode(200).body("items.slug", contains(expected.get(0), expected.get(1)),
                "next", notNullValue());
        String next = first.path("next");
        assertThat(String.join(",", first.headers().getValues("Link"))).contains("rel=\"next\"");

        // a newer post arrives between two requests: the cursor still continues where the client was
        createPublished(unique("newer"), "2023-03-01T00:00:00Z", List.of(tag), List.of());
        Response second = given().queryParam("tag", tag).queryParam("size", 2).queryParam("cursor", next)
                .when().get("/api/posts");
        second.then().statusCode(200)
                .body("items.slug", contains(expected.get(2), expected.get(3)), "page", nullValue(), "totalItems", is(6));
        String links = String.join(",", second.headers().getValues("Link"));
        assertThat(links).contains("rel=\"next\"", "cursor=");
        given().queryParam("tag", tag).queryParam("size", 2).queryParam("cursor", (String) second.path("next"))
                .when().get("/api/posts")
                .then().statusCode(200).body("items.slug", contains(expected.get(4)), "next", nullValue());

        // a cursor is refused by a query with other filters
        given().queryParam("tag", unique("other")).queryParam("size", 2).queryParam("cursor", next).when().get("/api/posts")
                .then().statusCode(400).body("violations[0].field", is("cursor"));
    }

    @Test
    void aCursorWithAKeyNoPostCanHaveIsRefused() {
        String tag = unique("forged");
        String word = "forge" + unique("w").replace("-", "");
        publish(unique("f1"), "First " + word, "One.", "Body " + word, "2024-05-01T00:00:00Z", List.of(tag), List.of());
        publish(unique("f2"), "Second " + word, "Two.", "Body " + word, "2024-05-02T00:00:00Z", List.of(tag), List.of());
        Map<String, String> byDate = Map.of("tag", tag, "size", "1");
        Map<String, String> byRank = Map.of("q", word, "sort", "relevance", "size", "1");
        Map<Map<String, String>, List<String>> keysNoPostCanHave = Map.of(
                byDate, List.of("9223372036854775807", "-9223372036854775807"),
                byRank, List.of("1e39", "-1e39", "NaN", "Infinity"));
        for (Map<String, String> query : List.of(byDate, byRank)) {
            String next = given().queryParams(query).when().get("/api/posts").then().statusCode(200).extract().path("next");
            String[] parts = new String(java.util.Base64.getUrlDecoder().decode(next), java.nio.charset.StandardCharsets.UTF_8)
                    .split("\u001f", -1);
            for (String key : keysNoPostCanHave.get(query)) {
                parts[parts.length - 1] = key;
                String forged = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                        String.join("\u001f", parts).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                given().queryParams(query).queryParam("cursor", forged).when().get("/api/posts")
                        .then().statusCode(400).contentType("application/problem+json").body("violations[0].field", is("cursor"));
            }
        }
    }

    @Test
    void postsWithoutADateArePagedByCursorInBothDateOrders() {
        String tag = unique("undated");
        // an import keeps a file without a date undated; three of them and three dated posts
        Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        List<String> undated = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String slug = unique("undated" + i);
            undated.add(slug);
            files.put("posts/" + slug + ".md", ("---\ntitle: Undated " + i + "\ntags: [" + tag + "]\n---\nx\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        dev.slugline.testing.Fixtures.editor().contentType("application/zip").body(dev.slugline.testing.Archives.zip(files))
                .when().post("/api/imports").then().statusCode(200).body("created", is(3));
        List<String> dated = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            dated.add(createPublished(unique("dated" + i), "2023-05-0" + i + "T00:00:00Z", List.of(tag), List.of()));
        }
        List<String> undatedByIdDesc = new ArrayList<>(undated);
        java.util.Collections.reverse(undatedByIdDesc);
        List<String> newestFirst = new ArrayList<>(undatedByIdDesc); // undated first (null sorts after every date)
        newestFirst.addAll(List.of(dated.get(2), dated.get(1), dated.get(0)));
        List<String> oldestFirst = new ArrayList<>(dated);
        oldestFirst.addAll(undated);

        for (Map.Entry<String, List<String>> order : Map.of("date", newestFirst, "-date", oldestFirst).entrySet()) {
            List<String> seen = new ArrayList<>();
            String cursor = null;
            do {
                var request = given().queryParam("tag", tag).queryParam("size", 2).queryParam("sort", order.getKey());
                if (cursor != null) {
                    request.queryParam("cursor", cursor);
                }
                Response page = request.when().get("/api/posts");
                page.then().statusCode(200);
                seen.addAll(page.path("items.slug"));
                cursor = page.path("next");
            } while (cursor != null);
            assertThat(seen).as(order.getKey()).containsExactlyElementsOf(order.getValue());
        }
    }

    @Test
    void cursorPagingByTitleAndRelevance() {
        String tag = unique("ct");
        String word = "zq" + unique("w").replace("-", "");
        List<String> slugs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            slugs.add(publish(unique("t" + i), "Title " + i + " " + word, null, word + " body " + "word ".repeat(i),
                    "2022-01-0" + (i + 1) + "T00:00:00Z", List.of(tag), List.of()));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("tag", tag).queryParam("size", 2).queryParam("sort", "title");
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.when().get("/api/posts");
            page.then().statusCode(200);
            seen.addAll(page.path("items.slug"));
            cursor = page.path("next");
        } while (cursor != null);
        assertThat(seen).containsExactlyElementsOf(slugs);

        List<String> found = new ArrayList<>();
        cursor = null;
        do {
            var request = given().queryParam("q", word).queryParam("size", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.when().get("/api/posts");
            page.then().statusCode(200);
            found.addAll(page.path("items.slug"));
            cursor = page.path("next");
        } while (cursor != null);
        assertThat(found).containsExactlyInAnyOrderElementsOf(slugs).doesNotHaveDuplicates();
    }

    @Test
    void aSummaryHitOutranksABodyHitWithSortRelevance() {
        String word = "rank" + unique("w").replace("-", "");
        String inBody = publish(unique("in-body"), "A plain title", "Nothing to see.", "The body says " + word + " once.",
                "2024-04-02T00:00:00Z", List.of(), List.of());
        String inSummary = publish(unique("in-summary"), "Another title", "A summary about " + word + ".",
                "The body does not say it.", "2024-04-01T00:00:00Z", List.of(), List.of());
        given().queryParam("q", word).queryParam("sort", "relevance").when().get("/api/posts")
                .then().statusCode(200).body("items.slug", contains(inSummary, inBody));
        given().queryParam("q", word).queryParam("sort", "date").when().get("/api/posts")
                .then().statusCode(200).body("items.slug", contains(inBody, inSummary));
    }

    @Test
    void fullTextSearchWithWebSyntaxRankingAndEscapedSnippets() {
        String word = "kube" + unique("x").replace("-", "");
        String inTitle = publish(unique("title"), "KubeCon " + word + " in Paris", "A trip.", "We met at the contributor summit.",
                "2024-03-01T00:00:00Z", List.of(), List.of());
        String inBody = publish(unique("body"), "Travel notes", "Notes.",
                "Some <b>bold</b> & words x < y <script>alert(1)</script> about " + word + " in Amsterdam, then the contributor summit.",
                "2024-03-02T00:00:00Z", List.of(), List.of());
        String paris = publish(unique("paris"), "Paris", "Food.", word + " food in Paris, no summit.",
                "2024-03-03T00:00:00Z", List.of(), List.of());

        given().queryParam("q", word).when().get("/api/posts")
                .then().statusCode(200)
                .body("items.slug", containsInAnyOrder(inTitle, inBody, paris),
                        "items[0].slug", is(inTitle), "items[0].rank", notNullValue());
        given().queryParam("q", word + " -paris \"contributor summit\"").when().get("/api/posts")
                .then().statusCode(200).body("items.slug", contains(inBody));
        given().queryParam("q", word + " -paris").queryParam("sort", "date").when().get("/api/posts")
                .then().statusCode(200).body("items.slug", contains(inBody));

        String snippet = given().queryParam("q", word + " amsterdam").when().get("/api/posts")
                .then().statusCode(200).body("items[0].slug", is(inBody)).extract().path("items[0].snippet");
        Document html = Jsoup.parseBodyFragment(snippet);
        assertThat(html.select("b, script")).isEmpty();
        assertThat(snippet).contains("&amp;", "&lt;");
        assertThat(html.select("*").stream().map(Element::tagName).filter(t -> !List.of("#root", "html", "head", "body", "mark").contains(t)))
                .isEmpty();
        assertThat(html.select("mark").eachText()).contains(word);
        assertThat(html.text()).contains("& words x < y");
    }

    @Test
    void stemmedEnglishAndCjkTitlesAreFound() {
        String marker = unique("m").replace("-", "");
        String english = publish(unique("en"), "Summits " + marker, null, "Meeting many summits.",
                "2024-02-01T00:00:00Z", List.of(), List.of());
        given().queryParam("q", "summit " + marker).when().get("/api/posts")
                .then().statusCode(200).body("items.slug", contains(english));

        String title = "東京でのカンファレンス" + marker;
        String cjk = publish(unique("ja"), title, "日本語の要約です。", "本文はここにあります。",
                "2024-02-02T00:00:00Z", List.of(), List.of());
        given().queryParam("q", "カンファレンス" + marker).when().get("/api/posts")
                .then().statusCode(200).body("items.slug", contains(cjk), "items[0].title", is(title));
        given().queryParam("q", "東京").queryParam("fields", "slug").queryParam("size", 100).when().get("/api/posts")
                .then().statusCode(200).body("items.slug", org.hamcrest.Matchers.hasItem(cjk));
        String greek = publish(unique("el"), "Καλημέρα κόσμε " + marker, null, "Ελληνικό κείμενο.",
                "2024-02-03T00:00:00Z", List.of(), List.of());
        given().queryParam("q", "καλημέρα " + marker).when().get("/api/posts")
                .then().statusCode(200).body("items.slug", contains(greek));
    }
}
