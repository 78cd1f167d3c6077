package dev.slugline.common;

import dev.slugline.common.text.Slugs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SlugsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "My first in-person KubeCon | my-first-in-person-kubecon",
            "' Unforgettable Moments and New Milestones: My First KubeCon Experience' | unforgettable-moments-and-new-milestones-my-first-kubecon-experience",
            "Crème brûlée à la française | creme-brulee-a-la-francaise",
            "Straße & Smørrebrød | strasse-smorrebrod",
            "Let the adventures begin! 🚀 | let-the-adventures-begin",
            "--Hello___World--  | hello-world",
            "東京の夜 | 東京の夜",
            "Привет, мир | привет-мир",
            "नमस्ते दुनिया | नमस्ते-दुनिया"
    })
    void titlesBecomeSlugs(String title, String slug) {
        assertThat(Slugs.fromText(title)).isEqualTo(slug);
    }

    @Test
    void titleWithNothingSluggableGivesEmpty() {
        assertThat(Slugs.fromText("🎉🎉 !!")).isEmpty();
    }

    /**
     * The one table of the slug policy (issue 13, item 2): what a slug given in front matter, JSON, a PATCH or a
     * file name becomes; empty: refused. Dots between words are kept, at either end trimmed, never a slug alone.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "my-first-in-person-kubecon.   | my-first-in-person-kubecon",
            "My-Post                       | my-post",
            "' spaced out '                | spaced-out",
            "déjà-vu                       | deja-vu",
            "announcing-linkerd-2.7        | announcing-linkerd-2.7",
            "coredns-1.8.3                 | coredns-1.8.3",
            "v1.0                          | v1.0",
            ".hidden                       | hidden",
            "release-2.7.                  | release-2.7",
            "'  .trimmed.  '               | trimmed",
            "Node.JS                       | node.js",
            "'.'                           | ''",
            "'..'                          | ''",
            "...                           | ''",
            "../etc                        | ''",
            "a..b                          | ''",
            "a.-b                          | ''",
            "a/b                           | ''",
            "a\\b                          | ''",
            "semi;colon                    | ''",
            "a--b                          | ''",
            "''                            | ''",
    })
    void givenSlugs(String given, String slug) {
        if (slug.isEmpty()) {
            assertThat(Slugs.normalizeGiven(given)).as(given).isEmpty();
        } else {
            assertThat(Slugs.normalizeGiven(given)).as(given).contains(slug);
            assertThat(Slugs.isValid(slug)).isTrue();
            assertThat(Slugs.fromFileStem(given)).as("as a file name").isEqualTo(slug);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tab\tinside", "nul\u0000", "line\nbreak"})
    void controlCharactersAreRefused(String given) {
        assertThat(Slugs.normalizeGiven(given)).isEmpty();
    }

    @Test
    void aFileNameThatIsNoSlugIsDerivedLikeATitle() {
        assertThat(Slugs.fromFileStem("My Trip: Paris & Rome")).isEqualTo("my-trip-paris-rome");
        assertThat(Slugs.fromFileStem("..")).isEmpty();
    }

    @Test
    void suffixesFitTheMaximumLength() {
        String base = "a".repeat(188) + "." + "b".repeat(11);
        assertThat(Slugs.withSuffix(base, "-2021-03-04")).isEqualTo("a".repeat(188) + "-2021-03-04");
        assertThat(Slugs.withSuffix("short.1", "-2")).isEqualTo("short.1-2");
    }

    @Test
    void longTitlesAreCutAtAHyphen() {
        String slug = Slugs.fromText("word ".repeat(100));
        assertThat(slug.length()).isLessThanOrEqualTo(Slugs.MAX_LENGTH);
        assertThat(slug).endsWith("word").doesNotEndWith("-");
    }
}
