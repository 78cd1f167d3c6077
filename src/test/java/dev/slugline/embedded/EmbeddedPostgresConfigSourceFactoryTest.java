package dev.slugline.embedded;

import io.quarkus.runtime.ExecutionMode;
import io.quarkus.runtime.ExecutionModeManager;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the embedded PostgreSQL is offered, and that nothing starts outside the application's own start (the build
 * reads config too). That it starts, keeps its data and serves the app is shown by running the app without a URL
 * (README, "Running").
 */
class EmbeddedPostgresConfigSourceFactoryTest {

    private static final String URL = "quarkus.datasource.jdbc.url";

    @Test
    void aConfiguredUrlMeansNothingEmbedded() {
        SmallRyeConfig config = config(Map.of(URL, "jdbc:postgresql://db.example:5432/slugline"));
        assertThat(embeddedSources(config)).isZero();
        assertThat(config.getValue(URL, String.class)).isEqualTo("jdbc:postgresql://db.example:5432/slugline");
    }

    @Test
    void aUrlForTheActiveProfileAlsoCounts() {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withProfile("test")
                .withSources(new PropertiesConfigSource(Map.of("%test." + URL, "jdbc:postgresql://127.0.0.1:5432/t"), "app", 250))
                .withSources(new EmbeddedPostgresConfigSourceFactory())
                .build();
        assertThat(embeddedSources(config)).isZero();
    }

    @Test
    void disabledMeansNothingEmbedded() {
        SmallRyeConfig config = config(Map.of("slugline.embedded-postgres.enabled", "false"));
        assertThat(embeddedSources(config)).isZero();
        assertThat(config.getOptionalValue(URL, String.class)).isEmpty();
    }

    @Test
    void withoutAUrlItIsOfferedButNothingStartsOutsideTheRunningApplication() {
        Path dataDir = Path.of("target", "embedded-never-started");
        SmallRyeConfig config = config(Map.of("slugline.embedded-postgres.data-dir", dataDir.toString()));
        assertThat(embeddedSources(config)).isEqualTo(1);
        ConfigSource embedded = StreamSupport.stream(config.getConfigSources().spliterator(), false)
                .filter(s -> s.getName().startsWith("EmbeddedPostgresConfigSource")).findFirst().orElseThrow();
        assertThat(embedded.getOrdinal()).isLessThan(250); // below application.properties, environment and system properties
        assertThat(embedded.getName()).contains("embedded-never-started");
        // Not in runtime init (this is what the build sees): no URL, no server, no data folder
        assertThat(config.getOptionalValue(URL, String.class)).isEmpty();
        assertThat(Files.exists(dataDir)).isFalse();
        assertThat(embedded.getValue("quarkus.datasource.username")).isEqualTo("postgres");
    }

    @Test
    void recordingTheAppCdsArchiveStartsNothing() {
        Path dataDir = Path.of("target", "embedded-never-started-appcds");
        ConfigSource embedded = StreamSupport.stream(config(Map.of("slugline.embedded-postgres.data-dir", dataDir.toString()))
                        .getConfigSources().spliterator(), false)
                .filter(s -> s.getName().startsWith("EmbeddedPostgresConfigSource")).findFirst().orElseThrow();
        ExecutionMode before = ExecutionMode.current();
        ExecutionModeManager.runtimeInit(); // as in the archive-recording run, which stops after runtime init
        System.setProperty("quarkus.appcds.generate", "true");
        try {
            assertThat(embedded.getValue(URL)).isNull();
            assertThat(Files.exists(dataDir)).isFalse();
        } finally {
            System.clearProperty("quarkus.appcds.generate");
            switch (before) {
                case STATIC_INIT -> ExecutionModeManager.staticInit();
                case RUNTIME_INIT -> ExecutionModeManager.runtimeInit();
                case RUNNING -> ExecutionModeManager.running();
                default -> ExecutionModeManager.unset();
            }
        }
    }

    private static SmallRyeConfig config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "app", 250))
                .withSources(new EmbeddedPostgresConfigSourceFactory())
                .build();
    }

    private static long embeddedSources(SmallRyeConfig config) {
        return StreamSupport.stream(config.getConfigSources().spliterator(), false)
                .filter(s -> s.getName().startsWith("EmbeddedPostgresConfigSource")).count();
    }
}
