package dev.slugline.posts;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** One key per old path, however a link or a reader writes it. */
class FormerPathsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            /2020/02/10/announcing-linkerd-2.7/                          | /2020/02/10/announcing-linkerd-2.7
            /2020/02/10/announcing-linkerd-2.7                           | /2020/02/10/announcing-linkerd-2.7
            https://linkerd.io/2020/02/10/announcing-linkerd-2.7/?x=1#a  | /2020/02/10/announcing-linkerd-2.7
            //linkerd.io/2020/02/10/announcing-linkerd-2.7/              | /2020/02/10/announcing-linkerd-2.7
            /2020/02/10/Announcing%2DLinkerd-2.7/index.html              | /2020/02/10/announcing-linkerd-2.7
            /2020//02/./10/announcing-linkerd-2.7.html                   | /2020/02/10/announcing-linkerd-2.7
            2020/02/10/announcing-linkerd-2.7                            | /2020/02/10/announcing-linkerd-2.7
            /blog/%D0%BF%D1%80%D0%B8%D0%B2%D0%B5%D1%82/                  | /blog/привет
            /c++-tips/                                                   | /c++-tips
            /                                                            | /
            """)
    void normalises(String raw, String expected) {
        assertThat(FormerPaths.normalize(raw)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "/a/../b", "/a/%2E%2E/b", "javascript:alert(1)", "/a\\b", "/a%00b", "/a\nb"})
    void refusesWhatIsNoSitePath(String raw) {
        assertThat(FormerPaths.normalize(raw)).isEmpty();
    }
}
