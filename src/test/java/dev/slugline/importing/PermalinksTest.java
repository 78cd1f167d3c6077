package dev.slugline.importing;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Hugo's permalink tokens, expanded as Hugo expands them (see gohugo.io/configuration/permalinks). */
class PermalinksTest {

    @ParameterizedTest(name = "{0} with slug {3}, title {2} -> {6}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # pattern                         | date                      | title                   | slug                   | base name  | sections     | expected
            /:year/:month/:day/:slug/         | 2020-02-10T23:30:00-08:00 | Announcing Linkerd 2.7  | announcing-linkerd-2.7 | index      | posts        | /2020/02/10/announcing-linkerd-2.7/
            /:year/:month/:slug/              | 2021-03-04T10:00:00Z      | Edge Release Roundup    | -                      | roundup    | posts        | /2021/03/edge-release-roundup/
            /blog/:title/                     | 2020-01-01T00:00:00Z      | C'est la vie, Hugo!     | other-slug             | x          | posts        | /blog/cest-la-vie-hugo/
            /blog/:title/                     | 2020-01-01T00:00:00Z      | Hello,   World & Friends| -                      | x          | posts        | /blog/hello-world-friends/
            /:year/:monthname/:slugorfilename/| 2020-02-10T12:00:00Z      | Ignored Title           | -                      | My-File    | posts        | /2020/february/my-file/
            /:year/:monthname/:slugorfilename/| 2020-02-10T12:00:00Z      | Ignored Title           | Given Slug             | my-file    | posts        | /2020/february/given-slug/
            /:section/:yearday/:weekday/:filename/ | 2020-02-10T12:00:00Z | T                       | -                      | note       | posts        | /posts/41/1/note/
            /:weekdayname/:contentbasename    | 2020-02-10T12:00:00Z      | T                       | -                      | Intro      | docs         | /monday/intro
            /:sections/:contentbasename/      | 2020-02-10T12:00:00Z      | T                       | -                      | intro      | docs/guides  | /docs/guides/intro/
            /:year/:slug/                     | -                         | Undated Post            | -                      | undated    | posts        | /0001/undated-post/
            /:slug/                           | 2020-02-10T12:00:00Z      | Привет Мир              | -                      | x          | posts        | /привет-мир/
            /:slugorcontentbasename/          | 2020-02-10T12:00:00Z      | T                       | -                      | coredns-1.8.3 | posts     | /coredns-1.8.3/
            /:2006/:slug/                     | 2020-02-10T12:00:00Z      | Go Layouts Stay         | -                      | x          | posts        | /:2006/go-layouts-stay/
            """)
    void expandsTokens(String pattern, String date, String title, String slug, String baseName, String sections, String expected) {
        Permalinks.Page page = new Permalinks.Page(date == null ? null : OffsetDateTime.parse(date), title.strip(),
                slug, baseName, List.of(sections.split("/")));
        assertThat(Permalinks.expand(pattern, page)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "default path of {0}/{2} with slug {1} -> {3}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            posts        | -               | post-1   | /posts/post-1/
            posts/2020   | My First Post   | x        | /posts/2020/my-first-post/
            ''           | -               | About    | /about/
            """)
    void defaultPathIsTheFoldersAndTheSlugOrBaseName(String folders, String slug, String baseName, String expected) {
        Permalinks.Page page = new Permalinks.Page(null, "Title", slug, baseName, List.of());
        List<String> list = folders.isEmpty() ? List.of() : List.of(folders.split("/"));
        assertThat(Permalinks.defaultPath(list, page)).isEqualTo(expected);
    }
}
