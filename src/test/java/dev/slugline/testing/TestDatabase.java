package dev.slugline.testing;

import dev.slugline.embedded.EmbeddedPostgresServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tests' PostgreSQL. In this order:
 * <ol>
 * <li>a datasource URL given directly to Quarkus ({@code _TEST_QUARKUS_DATASOURCE_JDBC_URL},
 * {@code QUARKUS_DATASOURCE_JDBC_URL}, {@code -Dquarkus.datasource.jdbc.url}): used as it is;</li>
 * <li>{@code SLUGLINE_TEST_DB_URL} (with {@code SLUGLINE_TEST_DB_USERNAME}, {@code _PASSWORD}), a JDBC URL whose
 * database is created when missing; {@code .ci/run} sets it to its local server;</li>
 * <li>{@code SLUGLINE_TEST_DB_HOST} (with {@code _PORT}, {@code _USER}, {@code _PASSWORD}, {@code _NAME}): the same,
 * in parts;</li>
 * <li>nothing configured: an embedded PostgreSQL (zonky, as dev's, data in {@code target/test-postgres}), started
 * once per JVM, so {@code ./mvnw verify} needs only a JDK.</li>
 * </ol>
 * The packaged-jar tests ({@code *IT}) take the same server from {@link #server()} and make their own databases.
 */
@SuppressWarnings("deprecation") // @WithTestResource would restrict it to annotated classes; every test needs it
@QuarkusTestResource(TestDatabase.class)
public class TestDatabase implements QuarkusTestResourceLifecycleManager {

    /** A PostgreSQL server and the test database on it. */
    public record Server(String host, int port, String user, String password, String database) {

        /** The JDBC URL of another database on this server. */
        public String url(String name) {
            return "jdbc:postgresql://" + host + ":" + port + "/" + name;
        }

        public String url() {
            return url(database);
        }

        public Connection connect(String name) throws SQLException {
            return DriverManager.getConnection(url(name), user, password);
        }
    }

    private static final Pattern URL = Pattern.compile("jdbc:postgresql://([^/:?]+)(?::(\\d+))?/([^/?]+).*");
    private static Server server;

    @Override
    public Map<String, String> start() {
        if (quarkusUrlGiven()) {
            return Map.of(
                    "quarkus.datasource.username", env("SLUGLINE_TEST_DB_USERNAME", "postgres"),
                    "quarkus.datasource.password", env("SLUGLINE_TEST_DB_PASSWORD", ""));
        }
        Server db = server();
        try (Connection connection = db.connect("postgres");
             PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, db.database());
            try (ResultSet rows = exists.executeQuery()) {
                if (!rows.next()) {
                    try (Statement create = connection.createStatement()) {
                        create.execute("create database \"" + db.database() + "\"");
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Tests need PostgreSQL at " + db.url() + " (user " + db.user()
                    + "); unset SLUGLINE_TEST_DB_URL and SLUGLINE_TEST_DB_HOST for an embedded one", e);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", db.url(),
                "quarkus.datasource.username", db.user(),
                "quarkus.datasource.password", db.password());
    }

    @Override
    public void stop() {
    }

    /** The configured test server, or the embedded one, started on the first call in this JVM. */
    public static synchronized Server server() {
        if (server == null) {
            server = configured();
        }
        return server;
    }

    private static Server configured() {
        String url = env("SLUGLINE_TEST_DB_URL", null);
        if (url != null) {
            return parse(url, env("SLUGLINE_TEST_DB_USERNAME", "postgres"), env("SLUGLINE_TEST_DB_PASSWORD", ""));
        }
        String host = env("SLUGLINE_TEST_DB_HOST", null);
        if (host != null) {
            return new Server(host, Integer.parseInt(env("SLUGLINE_TEST_DB_PORT", "5432")),
                    env("SLUGLINE_TEST_DB_USER", "postgres"), env("SLUGLINE_TEST_DB_PASSWORD", ""),
                    env("SLUGLINE_TEST_DB_NAME", "slugline_test"));
        }
        return parse(EmbeddedPostgresServer.start(Path.of("target", "test-postgres"), "slugline_test"), "postgres", "");
    }

    static Server parse(String url, String user, String password) {
        Matcher m = URL.matcher(url);
        if (!m.matches()) {
            throw new IllegalArgumentException("Not a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database): " + url);
        }
        return new Server(m.group(1), m.group(2) == null ? 5432 : Integer.parseInt(m.group(2)), user, password, m.group(3));
    }

    private static boolean quarkusUrlGiven() {
        return env("_TEST_QUARKUS_DATASOURCE_JDBC_URL", null) != null || env("QUARKUS_DATASOURCE_JDBC_URL", null) != null
                || System.getProperty("quarkus.datasource.jdbc.url") != null
                || System.getProperty("%test.quarkus.datasource.jdbc.url") != null;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
