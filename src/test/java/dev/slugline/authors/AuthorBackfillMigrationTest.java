package dev.slugline.authors;

import dev.slugline.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V143 on a database written before authors existed (migrated to V141, posts inserted as the old version wrote them):
 * each post gets the authors its front matter names, or its account, as new writes would.
 */
class AuthorBackfillMigrationTest {

    private final TestDatabase.Server server = TestDatabase.server();
    private final String database = "slugline_backfill_" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void createDatabase() throws SQLException {
        try (Connection connection = server.connect("postgres"); Statement statement = connection.createStatement()) {
            statement.execute("create database " + database);
        }
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        try (Connection connection = server.connect("postgres"); Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + database + " with (force)");
        }
    }

    @Test
    void postsWrittenBeforeGetTheirAuthorsFromFrontMatterOrTheirAccount() throws SQLException {
        migrate("141");
        try (Connection connection = server.connect(database)) {
            insert(connection, 1, "hugo", "{\"authors\": [\"Ada Lovelace\", \"Grace Hopper\"], \"mood\": \"calm\"}", "admin");
            insert(connection, 2, "jekyll", "{\"author\": {\"name\": \"Grace Hopper\", \"twitter\": \"gh\"}}", "admin");
            insert(connection, 3, "account", "{}", "alice");
            insert(connection, 4, "folded", "{\"author\": \"Ada Lovelace,\\n Linus T.\\n\"}", null);
            insert(connection, 5, "nobody", "{}", null);
        }
        migrate(null);
        try (Connection connection = server.connect(database)) {
            assertThat(authorsOf(connection, 1)).containsExactly("ada-lovelace:Ada Lovelace", "grace-hopper:Grace Hopper");
            assertThat(authorsOf(connection, 2)).containsExactly("grace-hopper:Grace Hopper");
            assertThat(authorsOf(connection, 3)).containsExactly("alice:alice");
            assertThat(authorsOf(connection, 4)).containsExactly("ada-lovelace:Ada Lovelace", "linus-t:Linus T.");
            assertThat(authorsOf(connection, 5)).isEmpty();
            assertThat(single(connection, "select cast(front_matter as text) from post where id = 1")).isEqualTo("{\"mood\": \"calm\"}");
            // a mapping holds more than the name: it stays
            assertThat(single(connection, "select cast(front_matter as text) from post where id = 2"))
                    .isEqualTo("{\"author\": {\"name\": \"Grace Hopper\", \"twitter\": \"gh\"}}");
            assertThat(single(connection, "select cast(front_matter as text) from post where id = 4")).isEqualTo("{}");
            assertThat(single(connection, "select count(*) from author")).isEqualTo("4");
        }
    }

    private void migrate(String target) {
        var configuration = Flyway.configure().dataSource(server.url(database), server.user(), server.password())
                .locations("classpath:db/migration");
        if (target != null) {
            configuration.target(target);
        }
        configuration.load().migrate();
    }

    private static void insert(Connection connection, long id, String slug, String frontMatter, String createdBy)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into post (id, slug, title, summary,"
                + " markdown, html, status, word_count, reading_minutes, front_matter, created_at, updated_at, version,"
                + " created_by) values (?, ?, ?, '', '', '', 'PUBLISHED', 0, 0, cast(? as jsonb), now(), now(), 0, ?)")) {
            insert.setLong(1, id);
            insert.setString(2, slug);
            insert.setString(3, slug);
            insert.setString(4, frontMatter);
            insert.setString(5, createdBy);
            insert.executeUpdate();
        }
    }

    private static List<String> authorsOf(Connection connection, long post) throws SQLException {
        List<String> authors = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("select a.slug || ':' || a.name from post_author j"
                + " join author a on a.id = j.author_id where j.post_id = ? order by j.position")) {
            select.setLong(1, post);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    authors.add(rows.getString(1));
                }
            }
        }
        return authors;
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
