package dev.slugline.importing;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class FrontMatterDatesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2024-04-07T11:05:09+05:00 | 2024-04-07T11:05:09+05:00",
            "2023-12-12T16:14:55Z | 2023-12-12T16:14:55Z",
            "2013-05-06 02:12:52 +0200 | 2013-05-06T02:12:52+02:00",
            "2018-09-18 12:07 | 2018-09-18T12:07Z",
            "2018-09-18 | 2018-09-18T00:00Z",
            "2020-02-29T23:59:59.123456-03:30 | 2020-02-29T23:59:59.123456-03:30"
    })
    void readsGeneratorDateForms(String text, String expected) {
        assertThat(FrontMatterDates.parse(text, ZoneOffset.UTC)).hasValueSatisfying(d -> assertThat(d.toString()).isEqualTo(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2024-13-01", "2023-02-29", "2024-01-01T25:00", "2024-01-01T10:00+25:00", ""})
    void refusesWhatIsNoDate(String text) {
        assertThat(FrontMatterDates.parse(text, ZoneId.of("UTC"))).isEmpty();
    }
}
