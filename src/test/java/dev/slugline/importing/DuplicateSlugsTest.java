package dev.slugline.importing;

import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class DuplicateSlugsTest {

    private static DuplicateSlugs.Claim claim(String path, String slug, String date) {
        return new DuplicateSlugs.Claim(path, slug, date == null ? null : OffsetDateTime.parse(date));
    }

    @Test
    void theOldestKeepsTheSlugAndLaterOnesGetTheirDate() {
        List<DuplicateSlugs.Claim> claims = List.of(
                claim("b/roundup.md", "roundup", "2021-03-04T10:00:00+02:00"),
                claim("a/roundup.md", "roundup", "2021-02-25T10:00:00Z"),
                claim("c/roundup.md", "roundup", "2021-03-11T23:30:00-05:00"),
                claim("other.md", "other", "2020-01-01T00:00:00Z"));
        assertThat(DuplicateSlugs.resolve(claims, Set.of())).isEqualTo(Map.of(
                "b/roundup.md", "roundup-2021-03-04",
                "c/roundup.md", "roundup-2021-03-11"));
        // the order of the files in the archive does not matter
        List<DuplicateSlugs.Claim> reversed = new java.util.ArrayList<>(claims);
        java.util.Collections.reverse(reversed);
        assertThat(DuplicateSlugs.resolve(reversed, Set.of())).isEqualTo(DuplicateSlugs.resolve(claims, Set.of()));
    }

    @Test
    void sameDayThenPathThenNumbers() {
        List<DuplicateSlugs.Claim> claims = List.of(
                claim("x/2.md", "report", "2022-05-01T12:00:00Z"),
                claim("x/1.md", "report", "2022-05-01T12:00:00Z"),
                claim("x/3.md", "report", "2022-05-01T13:00:00Z"),
                claim("x/4.md", "report", null),
                claim("x/5.md", "report", null));
        assertThat(DuplicateSlugs.resolve(claims, Set.of())).isEqualTo(Map.of(
                "x/2.md", "report-2022-05-01",
                "x/3.md", "report-2022-05-01-2",
                "x/4.md", "report-2",
                "x/5.md", "report-3"));
    }

    @Test
    void aSlugAskedForByAnotherFileOrHeldByAnUnchangedOneIsNotGivenAsASuffix() {
        List<DuplicateSlugs.Claim> claims = List.of(
                claim("a.md", "weekly", "2021-01-01T00:00:00Z"),
                claim("b.md", "weekly", "2021-01-08T00:00:00Z"),
                claim("c.md", "weekly-2021-01-08", "2019-01-01T00:00:00Z"),
                claim("d.md", "kept", "2024-01-01T00:00:00Z"));
        assertThat(DuplicateSlugs.resolve(claims, Set.of("kept"))).isEqualTo(Map.of(
                "b.md", "weekly-2021-01-08-2",
                "d.md", "kept-2024-01-01"));
        assertThat(DuplicateSlugs.resolve(List.of(), Set.of())).isEmpty();
    }
}
