package dev.slugline.embedded;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

/**
 * Zero-setup start: when no {@code quarkus.datasource.jdbc.url} is configured (in any profile, by any source),
 * supplies one that points at an embedded PostgreSQL, started the first time the URL is read (when the datasource,
 * Flyway and Hibernate start) and not before. With a URL configured this contributes nothing and nothing embedded
 * starts. Registered in {@code META-INF/services/io.smallrye.config.ConfigSourceFactory}; runs at runtime only.
 */
public class EmbeddedPostgresConfigSourceFactory implements ConfigSourceFactory {

    static final String URL = "quarkus.datasource.jdbc.url";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue url = context.getValue(URL);
        if (url != null && url.getValue() != null && !url.getValue().isBlank()) {
            return List.of();
        }
        if (!Boolean.parseBoolean(value(context, "slugline.embedded-postgres.enabled", "true"))) {
            return List.of();
        }
        EmbeddedPostgresServer.Settings settings = new EmbeddedPostgresServer.Settings(
                Path.of(value(context, "slugline.embedded-postgres.data-dir", "./data/postgres")),
                Integer.parseInt(value(context, "slugline.embedded-postgres.port", "0")),
                value(context, "slugline.embedded-postgres.database", "slugline"));
        return List.of(new EmbeddedPostgresConfigSource(settings));
    }

    @Override
    public OptionalInt getPriority() {
        // Below application.properties (250), environment (300) and system properties (400): only a fallback.
        return OptionalInt.of(EmbeddedPostgresConfigSource.ORDINAL);
    }

    private static String value(ConfigSourceContext context, String name, String fallback) {
        ConfigValue value = context.getValue(name);
        return value == null || value.getValue() == null || value.getValue().isBlank() ? fallback : value.getValue();
    }
}
