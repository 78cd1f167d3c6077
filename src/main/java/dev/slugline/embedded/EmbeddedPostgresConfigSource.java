package dev.slugline.embedded;

import io.quarkus.runtime.ApplicationLifecycleManager;
import io.quarkus.runtime.ExecutionMode;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.Map;
import java.util.Set;

/**
 * Answers the datasource URL, user and password of the embedded PostgreSQL; the server starts on the first read of
 * the URL. Its ordinal is low, so anything configured elsewhere wins.
 */
final class EmbeddedPostgresConfigSource implements ConfigSource {

    static final int ORDINAL = 50;

    private static final String USERNAME = "quarkus.datasource.username";
    private static final String PASSWORD = "quarkus.datasource.password";

    private final EmbeddedPostgresServer.Settings settings;

    EmbeddedPostgresConfigSource(EmbeddedPostgresServer.Settings settings) {
        this.settings = settings;
    }

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(EmbeddedPostgresConfigSourceFactory.URL, USERNAME);
    }

    @Override
    public Map<String, String> getProperties() {
        // Listing properties must not start a server; only a read of the URL does.
        return Map.of(USERNAME, EmbeddedPostgresServer.SUPERUSER);
    }

    @Override
    public String getValue(String name) {
        if (EmbeddedPostgresConfigSourceFactory.URL.equals(name)) {
            // The build (augmentation) reads config too, and bakes what it reads into the packaged app: start only
            // when the application itself starts.
            ExecutionMode mode = ExecutionMode.current();
            if (mode != ExecutionMode.RUNTIME_INIT && mode != ExecutionMode.RUNNING) {
                return null;
            }
            // The AppCDS archive is recorded by a run that stops once the beans are ready, before any database
            // use (-Dquarkus.appcds.generate=true, at package time or in the image build): no server for it.
            if (ApplicationLifecycleManager.isAppCDSGeneration()) {
                return null;
            }
            return EmbeddedPostgresServer.start(settings);
        }
        if (USERNAME.equals(name)) {
            return EmbeddedPostgresServer.SUPERUSER;
        }
        return null;
    }

    @Override
    public int getOrdinal() {
        return ORDINAL;
    }

    @Override
    public String getName() {
        return "EmbeddedPostgresConfigSource[" + settings.dataDir() + "]";
    }
}
