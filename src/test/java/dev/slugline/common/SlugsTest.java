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

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "my-first-in-person-kubecon. | my-first-in-person-kubecon",
            "My-Post | my-post",
            "' spaced out ' | spaced-out",
            "déjà-vu | deja-vu"
    })
    void givenSlugsAreNormalised(String given, String slug) {
        assertThat(Slugs.normalizeGiven(given)).contains(slug);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "...", "../etc", "a/b", "a\\b", "a..b", "semi;colon", "a--b", "tab\tinside", "nul\u0000"})
    void invalidGivenSlugsAreRefused(String given) {
        assertThat(Slugs.normalizeGiven(given)).isEmpty();
    }

    @Test
    void longTitlesAreCutAtAHyphen() {
        String slug = Slugs.fromText("word ".repeat(100));
        assertThat(slug.length()).isLessThanOrEqualTo(Slugs.MAX_LENGTH);
        assertThat(slug).endsWith("word").doesNotEndWith("-");
    }
}
