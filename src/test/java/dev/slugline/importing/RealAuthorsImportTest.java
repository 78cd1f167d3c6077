package dev.slugline.importing;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.slugline.testing.Archives;
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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.slugline.testing.Fixtures.editor;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Four real blogs with authors, an About page and feature images (src/test/resources/sites/real, sources and licences in
 * its README.md), each imported whole. What a reader must see is computed from the fixture files' own front matter,
 * never from lists written here: every file is imported; a page ({@code type: page}, or {@code layout: page} outside
 * the blog's posts) is read at {@code /api/pages} and listed in no {@code /api/posts}, and a post the other way round.
 */
@QuarkusTest
class RealAuthorsImportTest {

    /** The sites of this test, by folder under src/test/resources/sites/real. */
    static final List<String> SITES = List.of("k8s-contributor-blog", "carvel-blog", "carpentries-blog", "raphlinus-blog");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper TOML = new TomlMapper();
    private static final Pattern YAML_FENCE = Pattern.compile("\\A---[ \\t]*\\r?\\n(.*?)\\r?\\n---[ \\t]*(\\r?\\n|\\z)", Pattern.DOTALL);
    private static final Pattern TOML_FENCE = Pattern.compile("\\A\\+\\+\\+[ \\t]*\\r?\\n(.*?)\\r?\\n\\+\\+\\+[ \\t]*(\\r?\\n|\\z)", Pattern.DOTALL);
    /** The folders whose files are a blog's posts whatever template their front matter picks. */
    private static final Pattern POSTS_SECTION = Pattern.compile("(^|/)_posts/|^content/([a-z]{2}/)?(blog|posts)/");
    private static final Pattern TRAILING_BLANKS = Pattern.compile("[ \\t]+(?=\\r?$)", Pattern.MULTILINE);
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
    @ValueSource(strings = {"k8s-contributor-blog", "carvel-blog", "raphlinus-blog"})
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
            soft.assertThat(entry.get("kind")).as("kind of %s", path).isEqualTo(post ? "post" : "media");
            soft.assertThat(entry.get("status")).as("status of %s (%s)", path, entry.get("reason"))
                    .isIn("created", "updated", "unchanged");
        }
        soft.assertAll();
    }

    @ParameterizedTest
    @ValueSource(strings = {"k8s-contributor-blog", "carvel-blog", "raphlinus-blog"})
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
}
