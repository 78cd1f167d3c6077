package dev.slugline.operations;

import dev.slugline.testing.FreePorts;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A PostgreSQL of the test's own (the real server, zonky's binaries) that a test may stop and start again, so
 * outages are tested without touching the shared server. Ordered after {@code TestDatabase} so its URL wins.
 */
public class OwnPostgresResource implements QuarkusTestResourceLifecycleManager {

    /** Any free port (builds on the machine run at once), the same for the restart. */
    static final int PORT = FreePorts.pick();
    private static final Path DATA = Path.of("target", "outage-postgres").toAbsolutePath();

    private EmbeddedPostgres server;

    @Override
    public Map<String, String> start() {
        deleteData();
        server = launch();
        return Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + PORT + "/postgres",
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "");
    }

    @Override
    public int order() {
        return 1000;
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(this, new TestInjector.MatchesType(OwnPostgresResource.class));
    }

    /** Stops the server the way an operator's restart does (fast shutdown: sessions are terminated). */
    public synchronized void stop() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server = null;
        }
    }

    /** Starts it again on the same port with the same data. */
    public synchronized void startAgain() {
        if (server == null) {
            server = launch();
        }
    }

    private static void deleteData() {
        try (var files = java.nio.file.Files.walk(DATA)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.nio.file.NoSuchFileException e) {
            // nothing to delete
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Never with a clean data directory: zonky deletes a clean directory when it stops, and a restart keeps data. */
    private static EmbeddedPostgres launch() {
        try {
            return EmbeddedPostgres.builder()
                    .setDataDirectory(DATA)
                    .setCleanDataDirectory(false)
                    .setPort(PORT)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
