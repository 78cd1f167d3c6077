package dev.slugline.importing;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.slugline.common.text.Slugs;
import dev.slugline.testing.Archives;
import dev.slugline.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.slugline.testing.Fixtures.editor;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real blogs with authors, an About page and feature images (src/test/resources/sites/real, sources and licences in its
 * README.md; jekyll-news too), each imported whole. What a reader must see is computed from the fixture files' own front
 * matter, never from lists written here: every file is imported; a page ({@code type: page}, or {@code layout: page}
 * outside the blog's posts) is read at {@code /api/pages} and listed in no {@code /api/posts}, and a post the other way
 * round; every post shows its authors in order, on Slugline and in Ghost; every author counts and lists exactly its
 * public posts (Slugline's API, Ghost's, its feed), and an author whom only a draft carries is nowhere for a reader.
 */
@QuarkusTest
class RealAuthorsImportTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper TOML = new TomlMapper();
    private static final Pattern YAML_FENCE = Pattern.compile("\\A---[ \\t]*\\r?\\n(.*?)\\r?\\n---[ \\t]*(\\r?\\n|\\z)", Pattern.DOTALL);
    private static final Pattern TOML_FENCE = Pattern.compile("\\A\\+\\+\\+[ \\t]*\\r?\\n(.*?)\\r?\\n\\+\\+\\+[ \\t]*(\\r?\\n|\\z)", Pattern.DOTALL);
    /** The folders whose files are a blog's posts whatever template their front matter picks. */
    private static final Pattern POSTS_SECTION = Pattern.compile("(^|/)_posts/|^content/([a-z]{2}/)?(blog|posts)/");
    private static final Pattern TRAILING_BLANKS = Pattern.compile("[ \\t]+(?=\\r?$)", Pattern.MULTILINE);
    private static final List<String> AUTHOR_KEYS = List.of("authors", "author");
    private static final Pattern SERIAL_COMMA = Pattern.compile(",\\s*and\\s");
    private static final Pattern SERIAL_AND = Pattern.compile("^\\s*and\\s+");
    private static final Pattern MARKDOWN_LINK = Pattern.compile("\\[([^\\]]*)\\]\\([^)]*\\)");
    /** Commas, semicolons, "&" and the word "and" between names, not inside parentheses. */
    private static final Pattern BYLINE_SEPARATOR = Pattern.compile(
            "(?:\\s*[,;&]\\s*(?:and\\s+)?|\\s+and\\s+)(?![^(]*\\))", Pattern.CASE_INSENSITIVE);
    private static final Set<String> IMAGES = Set.of("png", "jpg", "jpeg", "gif", "webp", "svg");

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    /** A Markdown file of a fixture, with its front matter as its generator reads it. */
    record Source(String path, Map<String, Object> frontMatter) {

        boolean isDraft() {
            Object draft = frontMatter.get("draft");
            return draft != null && List.of("true", "yes", "on").contains(draft.toString().strip().toLowerCase(Locale.ROOT));
        }

        /**
         * A standalone page: {@code type: page}, or {@code layout: page} on a file outside the blog's posts. A file in
         * Jekyll's {@code _posts/} or Hugo's {@code content/blog|posts/} is listed with the posts by both generators
         * whatever layout (template) it asks for.
         */
        boolean isPage() {
            if ("page".equals(frontMatter.get("type"))) {
                return true;
            }
            return "page".equals(frontMatter.get("layout")) && !POSTS_SECTION.matcher(path).find();
        }

        String date() {
            Object date = frontMatter.get("date");
            if (date != null) {
                return date.toString();
            }
            Matcher jekyll = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})-[^/]+$").matcher(path);
            return jekyll.find() ? jekyll.group(1) : null;
        }
    }

    /** The posts and pages of a fixture (Markdown files other than Hugo's {@code _index.md}), by path. */
    static Map<String, Source> sources(String site) {
        Map<String, Source> sources = new LinkedHashMap<>();
        Archives.folder("real/" + site).forEach((path, bytes) -> {
            if (ImportPaths.isMarkdown(path) && !ImportPaths.isSectionPage(path)) {
                sources.put(path, new Source(path, frontMatter(new String(bytes, StandardCharsets.UTF_8))));
            }
        });
        return sources;
    }

    /**
     * The front matter as Hugo (go-yaml, go-toml) and Jekyll read it. White space after a value at the end of a line
     * is nothing to them (Carpentries' {@code title: "…"} followed by two tabs); SnakeYAML refuses a tab there, so it
     * is taken off before parsing.
     */
    static Map<String, Object> frontMatter(String file) {
        String text = TRAILING_BLANKS.matcher(file.startsWith("\uFEFF") ? file.substring(1) : file).replaceAll("");
        try {
            Matcher yaml = YAML_FENCE.matcher(text);
            if (yaml.find()) {
                Map<String, Object> read = YAML.readValue(yaml.group(1), new TypeReference<Map<String, Object>>() { });
                return read == null ? Map.of() : read;
            }
            Matcher toml = TOML_FENCE.matcher(text);
            if (toml.find()) {
                return TOML.readValue(toml.group(1), new TypeReference<Map<String, Object>>() { });
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of();
    }

    static JsonPath importSite(String site) {
        byte[] zip = Archives.zip(Archives.folder("real/" + site));
        return editor().contentType("application/zip").body(zip).when().post("/api/imports")
                .then().statusCode(200).extract().jsonPath();
    }

    static Map<String, Object> entry(JsonPath report, String path) {
        return report.getMap("files.find { it.path == '" + path.replace("'", "\\'") + "' }");
    }

    /** The slug each post or page of the fixture got, by path, from the import report. */
    static Map<String, String> slugs(JsonPath report, Map<String, Source> sources) {
        Map<String, String> slugs = new LinkedHashMap<>();
        for (String path : sources.keySet()) {
            Map<String, Object> entry = entry(report, path);
            assertThat(entry).as("report entry of %s", path).isNotNull();
            slugs.put(path, (String) entry.get("slug"));
        }
        return slugs;
    }

    @ParameterizedTest
    @ValueSource(strings = {"k8s-contributor-blog", "carvel-blog", "carpentries-blog", "raphlinus-blog"})
    void everyPostPageAndImageIsImported(String site) {
        JsonPath report = importSite(site);
        Map<String, byte[]> files = Archives.folder("real/" + site);
        Map<String, Source> sources = sources(site);
        assertThat(sources).hasSizeGreaterThanOrEqualTo(12);

        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(report.getInt("failed")).as("files failed").isZero();
        for (String path : files.keySet()) {
            boolean post = sources.containsKey(path);
            boolean image = IMAGES.contains(path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT));
            if (!post && !image) {
                continue;
            }
            Map<String, Object> entry = entry(report, path);
            soft.assertThat(entry).as("report entry of %s", path).isNotNull();
            if (entry == null) {
                continue;
            }
            soft.assertThat(entry.get("kind")).as("kind of %s", path)
                    .isEqualTo(post ? (sources.get(path).isPage() ? "page" : "post") : "media");
            soft.assertThat(entry.get("status")).as("status of %s (%s)", path, entry.get("reason"))
                    .isIn("created", "updated", "unchanged");
        }
        soft.assertAll();
    }

    @ParameterizedTest
    @ValueSource(strings = {"k8s-contributor-blog", "carvel-blog", "carpentries-blog", "raphlinus-blog"})
    void pagesAreReadAsPagesAndPostsAsPosts(String site) {
        Map<String, Source> sources = sources(site);
        Map<String, String> slugs = slugs(importSite(site), sources);
        Map<String, Set<String>> listedPosts = new LinkedHashMap<>();
        Map<String, Set<String>> listedPages = new LinkedHashMap<>();

        SoftAssertions soft = new SoftAssertions();
        int pages = 0;
        for (Source source : sources.values()) {
            String slug = slugs.get(source.path());
            soft.assertThat(slug).as("slug of %s (everyPostPageAndImageIsImported says why)", source.path()).isNotNull();
            if (slug == null) {
                continue;
            }
            if (source.isDraft()) {
                given().when().get("/api/posts/{slug}", slug).then().statusCode(404);
                given().when().get("/api/pages/{slug}", slug).then().statusCode(404);
                continue;
            }
            String month = source.date() == null ? null : source.date().substring(0, 7);
            Set<String> posts = listedPosts.computeIfAbsent(month, m -> listed("/api/posts", m));
            Set<String> pagesOfMonth = listedPages.computeIfAbsent(month, m -> listed("/api/pages", m));
            int pageStatus = given().when().get("/api/pages/{slug}", slug).statusCode();
            if (source.isPage()) {
                pages++;
                soft.assertThat(pageStatus).as("GET /api/pages/%s (%s is a page)", slug, source.path()).isEqualTo(200);
                soft.assertThat(pagesOfMonth).as("GET /api/pages?year&month of %s lists it", source.path()).contains(slug);
                soft.assertThat(posts).as("GET /api/posts?year&month of %s must not list the page", source.path())
                        .doesNotContain(slug);
            } else {
                soft.assertThat(given().when().get("/api/posts/{slug}", slug).statusCode())
                        .as("GET /api/posts/%s (%s)", slug, source.path()).isEqualTo(200);
                soft.assertThat(pageStatus).as("GET /api/pages/%s (%s is a post, layout %s)", slug, source.path(),
                        source.frontMatter().get("layout")).isEqualTo(404);
                soft.assertThat(posts).as("GET /api/posts?year&month of %s (layout %s) lists it", source.path(),
                        source.frontMatter().get("layout")).contains(slug);
                soft.assertThat(pagesOfMonth).as("GET /api/pages?year&month of %s must not list the post", source.path())
                        .doesNotContain(slug);
            }
        }
        soft.assertAll();
        if (site.equals("raphlinus-blog")) {
            assertThat(pages).as("the About page of %s", site).isEqualTo(1);
        }
    }

    /** Every slug a list ({@code /api/posts}, {@code /api/pages}) shows for a month ("2024-04"), page by page. */
    static Set<String> listed(String path, String month) {
        Set<String> slugs = new LinkedHashSet<>();
        for (int page = 1; ; page++) {
            var request = given().queryParam("size", 100).queryParam("page", page).queryParam("fields", "slug");
            if (month != null) {
                request.queryParam("year", Integer.parseInt(month.substring(0, 4)))
                        .queryParam("month", Integer.parseInt(month.substring(5, 7)));
            }
            List<String> items = request.when().get(path).then().statusCode(200).extract().path("items.slug");
            slugs.addAll(items);
            if (items.size() < 100) {
                return slugs;
            }
        }
    }

    /**
     * A feature image given as a site path ({@code image: /img/kcna23.png}) is the file the generator serves there:
     * {@code static/…}, a theme's {@code themes/<theme>/static/…}, or the site root (Jekyll). A Ghost frontend shows
     * {@code feature_image}: it must load those bytes from Slugline. Slugline's own post keeps the key as written.
     */
    @ParameterizedTest
    @ValueSource(strings = {"carvel-blog"})
    void featureImagesLoadTheImageTheSiteShows(String site) {
        Map<String, byte[]> files = Archives.folder("real/" + site);
        Map<String, Source> sources = sources(site);
        JsonPath report = importSite(site);
        Map<String, String> slugs = slugs(report, sources);
        String key = contentKey();

        SoftAssertions soft = new SoftAssertions();
        int checked = 0;
        for (Source source : sources.values()) {
            Object image = source.frontMatter().get("image");
            if (!(image instanceof String path) || !path.startsWith("/") || source.isDraft()) {
                continue;
            }
            byte[] expected = servedAt(files, path);
            assertThat(expected).as("the fixture holds %s, the image of %s", path, source.path()).isNotNull();
            checked++;
            String slug = slugs.get(source.path());
            soft.assertThat(given().when().get("/api/posts/{slug}", slug).then().statusCode(200)
                    .extract().jsonPath().getString("frontMatter.image")).as("frontMatter.image of %s", slug).isEqualTo(path);
            String featureImage = given().queryParam("key", key).when()
                    .get("/ghost/api/content/" + (source.isPage() ? "pages" : "posts") + "/slug/{slug}/", slug)
                    .then().statusCode(200).extract().path((source.isPage() ? "pages" : "posts") + "[0].feature_image");
            soft.assertThat(featureImage).as("feature_image of %s (image: %s)", slug, path).isNotNull();
            if (featureImage == null) {
                continue;
            }
            String local = featureImage.replaceFirst("^https?://[^/]+", "");
            var response = given().urlEncodingEnabled(false).when().get(local);
            soft.assertThat(response.statusCode()).as("GET %s (feature_image %s of %s; the import stored %s at %s)", local,
                    featureImage, slug, servedPath(files, path), entry(report, servedPath(files, path)).get("slug"))
                    .isEqualTo(200);
            if (response.statusCode() == 200) {
                soft.assertThat(response.asByteArray()).as("bytes of %s, the feature image of %s", featureImage, slug)
                        .isEqualTo(expected);
            }
        }
        soft.assertAll();
        assertThat(checked).as("posts of %s with a feature image", site).isGreaterThanOrEqualTo(10);
    }

    /** The bytes Hugo or Jekyll serves at a site path, null when the fixture has no such file. */
    static byte[] servedAt(Map<String, byte[]> files, String sitePath) {
        return files.get(servedPath(files, sitePath));
    }

    /** The file Hugo or Jekyll serves at a site path: from {@code static/}, a theme's {@code static/}, or the root. */
    static String servedPath(Map<String, byte[]> files, String sitePath) {
        String relative = sitePath.substring(1);
        if (files.containsKey("static/" + relative)) {
            return "static/" + relative;
        }
        for (String file : files.keySet()) {
            if (file.matches("themes/[^/]+/static/" + Pattern.quote(relative))) {
                return file;
            }
        }
        return relative;
    }

    static String contentKey() {
        return editor().contentType("application/json").body(Map.of("name", "real authors " + System.nanoTime()))
                .when().post("/api/content-keys").then().statusCode(201).extract().path("key");
    }

    @ParameterizedTest
    @ValueSource(strings = {"k8s-contributor-blog", "carvel-blog", "carpentries-blog", "raphlinus-blog", "jekyll-news"})
    void everyPostShowsItsAuthorsInOrder(String site) {
        Map<String, Source> sources = sources(site);
        Map<String, String> slugs = slugs(importSite(site), sources);
        List<Map<String, Object>> account = accountAuthors();
        String key = contentKey();
        Map<String, Set<String>> slugsByName = new LinkedHashMap<>();
        Map<String, Set<String>> spellings = spellings(site, sources);

        SoftAssertions soft = new SoftAssertions();
        for (Source source : sources.values()) {
            String slug = slugs.get(source.path());
            if (slug == null || keyCaseMatters(site, source) || serialAnd(source)) {
                continue; // refused files: everyPostPageAndImageIsImported; the other two: tests of their own below
            }
            List<String> expected = authorNames(site, source);
            JsonPath post = read(slug);
            List<Map<String, Object>> authors = post.getList("authors");
            soft.assertThat(authors).as("authors of %s (%s)", slug, source.path()).isNotNull();
            if (authors == null) {
                continue;
            }
            if (expected.isEmpty()) {
                soft.assertThat(authors).as("authors of %s, which names nobody: the importing account's", slug)
                        .isEqualTo(account);
            } else {
                soft.assertThat(authors.stream().map(a -> a.get("slug")).toList()).as("author slugs of %s (%s: %s)", slug,
                        source.path(), expected).containsExactlyElementsOf(expected.stream().map(Slugs::fromText).toList());
                for (Map<String, Object> author : authors) {
                    soft.assertThat(normalized((String) author.get("name"))).as("name of author %s of %s", author.get("slug"), slug)
                            .isIn(spellings.getOrDefault((String) author.get("slug"), Set.of()));
                }
            }
            for (Map<String, Object> author : authors) {
                String name = (String) author.get("name");
                soft.assertThat(author.get("slug")).as("slug of author '%s' of %s", name, slug)
                        .isEqualTo(Slugs.fromText(name == null ? "" : name));
                slugsByName.computeIfAbsent(normalized(name), n -> new LinkedHashSet<>()).add((String) author.get("slug"));
            }
            if (source.isDraft()) {
                continue;
            }
            String kind = "page".equals(post.getString("type")) ? "pages" : "posts";
            JsonPath ghost = given().queryParam("key", key).queryParam("include", "authors").when()
                    .get("/ghost/api/content/" + kind + "/slug/{slug}/", slug).then().statusCode(200).extract().jsonPath();
            soft.assertThat(ghost.getList(kind + "[0].authors.slug")).as("Ghost authors of %s", slug)
                    .isEqualTo(authors.stream().map(a -> a.get("slug")).toList());
            soft.assertThat(ghost.getList(kind + "[0].authors.name")).as("Ghost author names of %s", slug)
                    .isEqualTo(authors.stream().map(a -> a.get("name")).toList());
            soft.assertThat(ghost.getString(kind + "[0].primary_author.slug")).as("Ghost primary_author of %s", slug)
                    .isEqualTo(authors.isEmpty() ? null : authors.get(0).get("slug"));
        }
        slugsByName.forEach((name, authorSlugs) ->
                soft.assertThat(authorSlugs).as("author slugs of the name '%s' in %s", name, site).hasSize(1));
        soft.assertAll();
    }

    /**
     * Every author the fixtures name on a public post: {@code /api/authors/{slug}} counts exactly the public posts
     * carrying it, {@code /api/posts?author=} lists exactly those, and Ghost's author (with {@code count.posts}) and
     * {@code filter=authors:} agree, as does its feed. An author only a draft carries is nowhere for a reader.
     */
    @ParameterizedTest
    @ValueSource(strings = {"k8s-contributor-blog", "carvel-blog", "carpentries-blog", "jekyll-news"})
    void everyAuthorCountsAndListsExactlyItsPublicPosts(String site) {
        Map<String, Set<String>> postsByAuthor = new TreeMap<>();
        Set<String> draftAuthors = new TreeSet<>();
        Map<String, Source> sources = sources(site);
        Map<String, String> slugs = slugs(importSite(site), sources);
        for (Source source : sources.values()) {
            if (source.isPage() || slugs.get(source.path()) == null || keyCaseMatters(site, source)) {
                continue; // the last: hugoReadsTheAuthorWhateverTheCaseOfItsKey
            }
            for (String name : authorNames(site, source)) {
                if (afterSerialAnd(source).contains(name)) {
                    continue; // aSerialCommaIsNoPartOfAnAuthorsName
                }
                if (source.isDraft()) {
                    draftAuthors.add(Slugs.fromText(name));
                } else {
                    postsByAuthor.computeIfAbsent(Slugs.fromText(name), n -> new TreeSet<>()).add(slugs.get(source.path()));
                }
            }
        }
        draftAuthors.removeAll(postsByAuthor.keySet());
        assertThat(postsByAuthor).hasSizeGreaterThanOrEqualTo(6);
        assertThat(postsByAuthor.values()).anySatisfy(posts -> assertThat(posts).hasSizeGreaterThanOrEqualTo(4));
        String key = contentKey();
        Set<String> listed = new LinkedHashSet<>();
        Fixtures.allItems(RestAssured::given, "/api/authors").forEach(a -> listed.add((String) a.get("slug")));

        SoftAssertions soft = new SoftAssertions();
        Map<String, Set<String>> spellings = spellings(site, sources);
        postsByAuthor.forEach((slug, posts) -> {
            var author = given().when().get("/api/authors/{slug}", slug);
            soft.assertThat(author.statusCode()).as("GET /api/authors/%s (%s)", slug, spellings.get(slug)).isEqualTo(200);
            if (author.statusCode() == 200) {
                soft.assertThat(normalized(author.jsonPath().getString("name"))).as("name of author %s", slug)
                        .isIn(spellings.get(slug));
                soft.assertThat(author.jsonPath().getInt("postCount")).as("postCount of author %s: %s", slug, posts)
                        .isEqualTo(posts.size());
            }
            soft.assertThat(listed).as("GET /api/authors lists %s", slug).contains(slug);
            soft.assertThat(listedBy("/api/posts", Map.of("author", slug))).as("GET /api/posts?author=%s", slug)
                    .containsExactlyInAnyOrderElementsOf(posts);
            var ghost = given().queryParam("key", key).queryParam("include", "count.posts").when()
                    .get("/ghost/api/content/authors/slug/{slug}/", slug);
            soft.assertThat(ghost.statusCode()).as("Ghost GET /authors/slug/%s/", slug).isEqualTo(200);
            if (ghost.statusCode() == 200) {
                soft.assertThat(ghost.jsonPath().getInt("authors[0].count.posts")).as("Ghost count.posts of %s", slug)
                        .isEqualTo(posts.size());
            }
            List<String> filtered = given().queryParam("key", key).queryParam("filter", "authors:" + slug)
                    .queryParam("limit", "all").queryParam("fields", "slug").when().get("/ghost/api/content/posts/")
                    .then().statusCode(200).extract().path("posts.slug");
            soft.assertThat(filtered).as("Ghost posts?filter=authors:%s", slug).containsExactlyInAnyOrderElementsOf(posts);
            var feed = given().when().get("/feeds/authors/{slug}/rss.xml", slug);
            soft.assertThat(feed.statusCode()).as("GET /feeds/authors/%s/rss.xml", slug).isEqualTo(200);
            if (feed.statusCode() == 200) {
                soft.assertThat(feed.xmlPath().getList("rss.channel.item").size()).as("items of the feed of %s", slug)
                        .isEqualTo(Math.min(posts.size(), 20));
            }
        });
        for (String slug : draftAuthors) {
            soft.assertThat(given().when().get("/api/authors/{slug}", slug).statusCode())
                    .as("GET /api/authors/%s: only a draft carries %s", slug, spellings.get(slug)).isEqualTo(404);
            soft.assertThat(listed).as("GET /api/authors must not list %s (only a draft carries it)", slug).doesNotContain(slug);
            soft.assertThat(given().queryParam("key", key).when().get("/ghost/api/content/authors/slug/{slug}/", slug)
                    .statusCode()).as("Ghost GET /authors/slug/%s/ (draft only)", slug).isEqualTo(404);
            soft.assertThat(given().when().get("/feeds/authors/{slug}/rss.xml", slug).statusCode())
                    .as("GET /feeds/authors/%s/rss.xml (draft only)", slug).isEqualTo(404);
        }
        soft.assertAll();
    }

    /**
     * Hugo lower-cases front matter keys: kubernetes.dev's {@code Author: Erik L. Arneson} is the post's author there,
     * so it must be here too, not the importing account.
     */
    @ParameterizedTest
    @ValueSource(strings = {"k8s-contributor-blog"})
    void hugoReadsTheAuthorWhateverTheCaseOfItsKey(String site) {
        Map<String, Source> sources = sources(site);
        Map<String, String> slugs = slugs(importSite(site), sources);
        SoftAssertions soft = new SoftAssertions();
        int checked = 0;
        for (Source source : sources.values()) {
            if (!keyCaseMatters(site, source)) {
                continue;
            }
            checked++;
            String slug = slugs.get(source.path());
            soft.assertThat(names(read(slug).getList("authors"))).as("authors of %s (%s: %s)", slug, source.path(),
                    source.frontMatter()).containsExactlyElementsOf(authorNames(site, source));
        }
        soft.assertAll();
        assertThat(checked).as("posts of %s naming authors under a capitalised key", site).isPositive();
    }

    /**
     * "A, B, and C" names three people: with the serial comma, "and" is no part of C's name (carvel.dev shows the byline
     * as written; Ghost shows one author per name).
     */
    @ParameterizedTest
    @ValueSource(strings = {"carvel-blog"})
    void aSerialCommaIsNoPartOfAnAuthorsName(String site) {
        Map<String, Source> sources = sources(site);
        Map<String, String> slugs = slugs(importSite(site), sources);
        SoftAssertions soft = new SoftAssertions();
        int checked = 0;
        for (Source source : sources.values()) {
            if (!serialAnd(source)) {
                continue;
            }
            checked++;
            String slug = slugs.get(source.path());
            soft.assertThat(names(read(slug).getList("authors"))).as("authors of %s (%s: author %s)", slug, source.path(),
                    source.frontMatter().get("author")).containsExactlyElementsOf(authorNames(site, source));
        }
        soft.assertAll();
        assertThat(checked).as("posts of %s with a serial comma in the byline", site).isPositive();
    }

    /**
     * kubernetes.dev writes bylines in Markdown ({@code author: "[Matt Broberg](https://twitter.com/mbbroberg)"}) and
     * shows the link's text; an author's name on Slugline and in Ghost is plain text, so it must be that text, not the
     * Markdown source.
     */
    @ParameterizedTest
    @ValueSource(strings = {"k8s-contributor-blog"})
    void authorNamesShowNoMarkdownAsText(String site) {
        Map<String, Source> sources = sources(site);
        Map<String, String> slugs = slugs(importSite(site), sources);
        SoftAssertions soft = new SoftAssertions();
        int linked = 0;
        for (Source source : sources.values()) {
            List<String> written = new ArrayList<>();
            AUTHOR_KEYS.forEach(key -> collectNames(source.frontMatter().get(key), written));
            if (written.stream().noneMatch(n -> MARKDOWN_LINK.matcher(n).find())) {
                continue;
            }
            linked++;
            List<String> shown = authorNames(site, source);
            String slug = slugs.get(source.path());
            List<Map<String, Object>> authors = read(slug).getList("authors");
            soft.assertThat(names(authors)).as("author names of %s (%s writes %s)", slug, source.path(), written)
                    .containsExactlyElementsOf(shown);
        }
        soft.assertAll();
        assertThat(linked).as("posts of %s whose byline holds Markdown links", site).isGreaterThanOrEqualTo(4);
    }

    /**
     * A post or page as an editor reads it: {@code /api/posts/{slug}} (any status), else {@code /api/pages/{slug}}
     * (pages are not read at the first). Which of the two it should be is {@link #pagesAreReadAsPagesAndPostsAsPosts}'s
     * concern.
     */
    static JsonPath read(String slug) {
        var post = editor().when().get("/api/posts/{slug}", slug);
        if (post.statusCode() == 404) {
            post = editor().when().get("/api/pages/{slug}", slug);
        }
        assertThat(post.statusCode()).as("GET /api/posts/%s or /api/pages/%s", slug, slug).isEqualTo(200);
        return post.jsonPath();
    }

    /** Hugo front matter naming authors under a key that is not lower case ({@code Author:}): Hugo reads it, Jekyll would not. */
    static boolean keyCaseMatters(String site, Source source) {
        return !Archives.folder("real/" + site).containsKey("_config.yml") && source.frontMatter().keySet().stream()
                .anyMatch(k -> AUTHOR_KEYS.contains(k.toLowerCase(Locale.ROOT)) && !AUTHOR_KEYS.contains(k));
    }

    /**
     * The spellings of each author slug in a site's front matter: one author whatever the spelling, as for Hugo's
     * taxonomy terms (Carpentries' {@code executive-council} and {@code Executive Council}); Slugline shows the first
     * one it stored.
     */
    static Map<String, Set<String>> spellings(String site, Map<String, Source> sources) {
        Map<String, Set<String>> spellings = new LinkedHashMap<>();
        sources.values().forEach(source -> authorNames(site, source)
                .forEach(name -> spellings.computeIfAbsent(Slugs.fromText(name), n -> new LinkedHashSet<>()).add(name)));
        return spellings;
    }

    /** The names that follow a serial comma's "and" ("Carvel Engineers" in "A, B, and Carvel Engineers"). */
    static Set<String> afterSerialAnd(Source source) {
        List<String> given = new ArrayList<>();
        AUTHOR_KEYS.forEach(key -> collectNames(source.frontMatter().get(key), given));
        Set<String> names = new LinkedHashSet<>();
        for (String entry : given) {
            String[] parts = entry.split(",");
            for (int i = 1; i < parts.length; i++) {
                if (SERIAL_AND.matcher(parts[i]).find()) {
                    names.add(normalized(SERIAL_AND.matcher(parts[i]).replaceFirst("")));
                }
            }
        }
        return names;
    }

    /** A byline with a serial comma: "Joe Kimmel, Praveen Rewar, and Carvel Engineers". */
    static boolean serialAnd(Source source) {
        List<String> given = new ArrayList<>();
        AUTHOR_KEYS.forEach(key -> collectNames(source.frontMatter().get(key), given));
        return given.stream().anyMatch(n -> SERIAL_COMMA.matcher(n).find());
    }

    /** Every slug a list shows with these filters, page by page. */
    static Set<String> listedBy(String path, Map<String, String> filters) {
        Set<String> slugs = new LinkedHashSet<>();
        for (int page = 1; ; page++) {
            List<String> items = given().queryParams(filters).queryParam("size", 100).queryParam("page", page)
                    .queryParam("fields", "slug").when().get(path).then().statusCode(200).extract().path("items.slug");
            slugs.addAll(items);
            if (items.size() < 100) {
                return slugs;
            }
        }
    }

    /** The authors of a post that names nobody, made through the API by the account the imports use. */
    static List<Map<String, Object>> accountAuthors() {
        String slug = Fixtures.unique("no-author");
        Map<String, Object> post = Fixtures.post("Post " + slug, "Body of " + slug);
        post.put("slug", slug);
        Fixtures.create(post).statusCode(201);
        return editor().when().get("/api/posts/{slug}", slug).then().statusCode(200).extract().path("authors");
    }

    /**
     * The authors a post names, in order, by the rules Slugline documents (issue 15): {@code authors} (a name or a
     * list) wins over {@code author} (a name, a list, or a mapping with {@code name}); list items may be mappings with
     * {@code name}; as for terms, a name is trimmed, a comma list is several names, and a second spelling of a slug is
     * the first one. Hugo reads front matter keys case-insensitively ({@code Author:} is {@code author}), Jekyll does
     * not. Empty when the post names nobody: it is then the importing account's.
     */
    static List<String> authorNames(String site, Source source) {
        Map<String, Object> frontMatter = source.frontMatter();
        boolean hugo = !Archives.folder("real/" + site).containsKey("_config.yml");
        for (String key : List.of("authors", "author")) {
            List<String> given = new ArrayList<>();
            for (Map.Entry<String, Object> field : frontMatter.entrySet()) {
                if (hugo ? field.getKey().equalsIgnoreCase(key) : field.getKey().equals(key)) {
                    collectNames(field.getValue(), given);
                }
            }
            Map<String, String> bySlug = new LinkedHashMap<>();
            for (String entry : given) {
                // a byline: a Markdown link is its text; "A, B, and C", "A and B", "A & B" and "A; B" are several
                // people, but a comma inside parentheses ("Jane Doe (VMware, Inc.)") is part of the name
                String text = MARKDOWN_LINK.matcher(entry).replaceAll("$1");
                for (String part : BYLINE_SEPARATOR.split(text)) {
                    String name = normalized(part);
                    if (!name.isEmpty()) {
                        bySlug.putIfAbsent(Slugs.fromText(name), name);
                    }
                }
            }
            if (!bySlug.isEmpty()) {
                return List.copyOf(bySlug.values());
            }
        }
        return List.of();
    }

    private static void collectNames(Object value, List<String> into) {
        if (value instanceof List<?> list) {
            list.forEach(item -> collectNames(item, into));
        } else if (value instanceof Map<?, ?> map) {
            collectNames(map.get("name"), into);
        } else if (value instanceof String name) {
            into.add(name);
        }
    }

    /** A name as a reader sees it: without surrounding white space, each run of white space (a folded line) one space. */
    static String normalized(String name) {
        return name == null ? null : name.strip().replaceAll("\\s+", " ");
    }

    /** The names of authors as a reader sees them, in order. */
    static List<String> names(List<Map<String, Object>> authors) {
        List<String> names = new ArrayList<>();
        authors.forEach(a -> names.add(a.get("name") == null ? null : a.get("name").toString()));
        return names.stream().map(RealAuthorsImportTest::normalized).toList();
    }
}
