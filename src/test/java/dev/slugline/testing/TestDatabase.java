package dev.slugline.testing;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * Makes sure the test database exists on the real PostgreSQL server before Quarkus starts, so
 * {@code ./mvnw verify} needs nothing but a running server. Host, port and user come from
 * {@code SLUGLINE_TEST_DB_HOST}, {@code _PORT}, {@code _USER}, {@code _PASSWORD} and {@code _NAME}
 * (default 127.0.0.1, 5432, postgres, empty, slugline_test).
 */
@SuppressWarnings("deprecation") // @WithTestResource would restrict it to annotated classes; every test needs it
@QuarkusTestResource(TestDatabase.class)
public class TestDatabase implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        String host = env("SLUGLINE_TEST_DB_HOST", "127.0.0.1");
        String port = env("SLUGLINE_TEST_DB_PORT", "5432");
        String user = env("SLUGLINE_TEST_DB_USER", "postgres");
        String password = env("SLUGLINE_TEST_DB_PASSWORD", "");
        String name = env("SLUGLINE_TEST_DB_NAME", "slugline_test");
        String server = "jdbc:postgresql://" + host + ":" + port + "/";
        try (Connection connection = DriverManager.getConnection(server + "postgres", user, password);
             PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, name);
            try (ResultSet rows = exists.executeQuery()) {
                if (!rows.next()) {
                    try (Statement create = connection.createStatement()) {
                        create.execute("create database \"" + name + "\"");
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Tests need PostgreSQL at " + host + ":" + port
                    + " (user " + user + "); `bash .ci/run` installs and starts one", e);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", server + name,
                "quarkus.datasource.username", user,
                "quarkus.datasource.password", password);
    }

    @Override
    public void stop() {
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
