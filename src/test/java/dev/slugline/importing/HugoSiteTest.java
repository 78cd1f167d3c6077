package dev.slugline.importing;

import dev.slugline.posts.PostInput;
import dev.slugline.posts.PostStatus;
import dev.slugline.testing.Archives;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Which config an archive's Hugo site has, and the paths its posts had. */
class HugoSiteTest {

    private static final OffsetDateTime DATE = OffsetDateTime.parse("2020-02-10T23:30:00-08:00");

    private static PostInput post(String title, Map<String, Object> frontMatter) {
        return new PostInput(title, null, null, "body", PostStatus.PUBLISHED, DATE, List.of(), List.of(), frontMatter);
    }

    @Test
    void hugoTomlGivesBaseUrlPermalinksAndTaxonomies() {
        HugoSite site = HugoSite.of(Archives.files(
                "hugo.toml", """
                        baseURL = "https://Blog.Example.org/"
                        [permalinks]
                          posts = "/:year/:month/:day/:slug/"
                        [taxonomies]
                          tag = "keywords"
                          category = "categories"
                          series = "series"
                        """,
                "content/posts/announcing.md", "x"));
        assertThat(site.isHugo()).isTrue();
        assertThat(site.host()).isEqualTo("blog.example.org");
        assertThat(site.termKeys()).isEqualTo(Map.of("keywords", "tags", "categories", "categories"));
        assertThat(site.formerPaths("content/posts/announcing.md", post("Announcing Linkerd 2.7", Map.of()), "announcing-linkerd-2.7"))
                .containsExactly("/2020/02/10/announcing-linkerd-2.7");
        assertThat(site.linkedPath("https://blog.example.org/2020/02/10/announcing-linkerd-2.7/#intro"))
                .contains("/2020/02/10/announcing-linkerd-2.7");
        assertThat(site.linkedPath("https://elsewhere.example/2020/02/10/announcing-linkerd-2.7/")).isEmpty();
        assertThat(site.linkedPath("/2020/02/10/x/")).contains("/2020/02/10/x");
    }

    @Test
    void yamlConfigInAWrappingFolderWithTheNewerPageFormAndABasePath() {
        HugoSite site = HugoSite.of(Archives.files(
                "mysite/config.yaml", """
                        baseurl: https://example.org/blog/
                        permalinks:
                          posts: /ignored/:slug/
                          page:
                            posts: /articles/:title/
                        """,
                "mysite/content/posts/bundle/index.md", "x",
                "mysite/content/posts/bundle/cover.png", "x"));
        assertThat(site.formerPaths("mysite/content/posts/bundle/index.md", post("C'est la vie", Map.of()), null))
                .containsExactly("/blog/articles/cest-la-vie");
    }

    @Test
    void configDefaultFolderWithPermalinksFileAndUrlAndAliasesInFrontMatter() {
        HugoSite site = HugoSite.of(Archives.files(
                "config/_default/hugo.json", "{\"baseURL\": \"https://example.org/\"}",
                "config/_default/permalinks.toml", "[page]\nblog = '/:year/:monthname/:slugorfilename/'\n",
                "content/blog/first.md", "x",
                "content/blog/second.md", "x"));
        assertThat(site.formerPaths("content/blog/first.md", post("First", Map.of()), null))
                .containsExactly("/2020/february/first");
        assertThat(site.formerPaths("content/blog/second.md",
                post("Second", Map.of("url", "/special/Place/", "aliases", List.of("/old/second/", "older.html"))), null))
                .containsExactly("/special/place", "/old/second", "/older");
    }

    @Test
    void withoutConfigAContentFolderHasHugosDefaults() {
        HugoSite site = HugoSite.of(Archives.files(
                "content/posts/_index.md", "x",
                "content/posts/2020/_index.md", "x",
                "content/posts/2020/hello.fr.md", "x",
                "content/about.md", "x"));
        assertThat(site.formerPaths("content/posts/2020/hello.fr.md", post("Hello", Map.of()), null))
                .containsExactly("/posts/2020/hello");
        assertThat(site.formerPaths("content/about.md", post("About", Map.of()), "über-uns"))
                .containsExactly("/über-uns");
    }

    @Test
    void aJekyllSiteIsNoHugoSite() {
        HugoSite site = HugoSite.of(Archives.files("_posts/2019-01-01-hello.md", "x", "_config.yml", "title: x"));
        assertThat(site.isHugo()).isFalse();
        assertThat(site.formerPaths("_posts/2019-01-01-hello.md", post("Hello", Map.of()), null)).isEmpty();
    }

    @Test
    void mainSectionsFromParamsTopLevelOrConfigDefaultMakeTheRestPages() {
        HugoSite toml = HugoSite.of(Archives.files(
                "hugo.toml", "[params]\n  mainSections = [\"posts\", \"Notes\"]\n",
                "content/posts/a.md", "x"));
        assertThat(toml.isOutsideMainSections("content/posts/a.md")).isFalse();
        assertThat(toml.isOutsideMainSections("content/posts/bundle/index.md")).isFalse();
        assertThat(toml.isOutsideMainSections("content/posts/deeper/b.md")).isFalse();
        assertThat(toml.isOutsideMainSections("content/notes/n.md")).isFalse();
        assertThat(toml.isOutsideMainSections("content/about.md")).isTrue();
        assertThat(toml.isOutsideMainSections("content/contact/index.md")).isTrue();
        assertThat(toml.isOutsideMainSections("content/docs/setup.md")).isTrue();

        HugoSite topLevel = HugoSite.of(Archives.files("mysite/config.yaml", "mainSections: blog\n",
                "mysite/content/blog/a.md", "x"));
        assertThat(topLevel.isOutsideMainSections("mysite/content/blog/a.md")).isFalse();
        assertThat(topLevel.isOutsideMainSections("mysite/content/about.md")).isTrue();

        HugoSite split = HugoSite.of(Archives.files("config/_default/params.toml", "mainsections = [\"posts\"]\n",
                "content/posts/a.md", "x"));
        assertThat(split.isOutsideMainSections("content/about.md")).isTrue();

        // without mainSections nothing is a page by where it is; nor in an archive that is no Hugo site
        HugoSite none = HugoSite.of(Archives.files("hugo.toml", "title = \"x\"\n", "content/about.md", "x"));
        assertThat(none.isOutsideMainSections("content/about.md")).isFalse();
        assertThat(HugoSite.NONE.isOutsideMainSections("about.md")).isFalse();
    }
}
