package dev.slugline.operations;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The AppCDS recording run's preloading (plain JUnit: it runs before any bean or request). */
class AppCdsPreloadTest {

    static boolean initialised;

    static class NotToInitialise {
        static {
            initialised = true;
        }
    }

    @Test
    void loadsAndLinksListedClassesWithoutInitialisingThemAndCountsTheMissingOnes() throws IOException {
        String list = String.join("\n", "java.util.concurrent.ConcurrentSkipListMap", "",
                NotToInitialise.class.getName(), "no.such.Clazz", "  org.flywaydb.core.Flyway  ");

        AppCdsPreload.Result result = AppCdsPreload.preload(new StringReader(list), getClass().getClassLoader());

        assertThat(result).isEqualTo(new AppCdsPreload.Result(3, 1));
        assertThat(initialised).as("static initialiser run").isFalse();
    }

    @Test
    void theShippedListIsCurrent() throws IOException {
        ClassLoader loader = getClass().getClassLoader();
        try (InputStream list = loader.getResourceAsStream(AppCdsPreload.LIST)) {
            assertThat(list).as(AppCdsPreload.LIST).isNotNull();
            AppCdsPreload.Result result = AppCdsPreload.preload(new InputStreamReader(list, StandardCharsets.UTF_8), loader);
            // Classes Quarkus generates while packaging (beans, proxies, recorded steps) exist only in the packaged
            // app; everything else must still be found, or bench/startup-classes.sh is due after an upgrade.
            assertThat(result.linked()).isGreaterThan(10_000);
            assertThat(result.missing()).isLessThan(result.linked() / 10);
        }
    }
}
