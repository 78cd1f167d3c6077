package dev.slugline.search;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.slugline.testing.Fixtures.createPublished;
import static dev.slugline.testing.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SQL statements per read, counted with Hibernate's statistics. The statistics are global, so the background
 * jobs (scheduled publishing, webhook delivery) are switched off for this class: they would be counted too.
 */
@QuarkusTest
@TestProfile(StatementCountTest.NoBackgroundJobs.class)
class StatementCountTest {

    public static class NoBackgroundJobs implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.scheduler.enabled", "false");
        }
    }

    @Inject
    SessionFactory sessions;

    @Test
    void aFixedNumberOfStatementsPerReadWhateverThePageSize() {
        String tag = unique("nplus");
        for (int i = 0; i < 12; i++) {
            createPublished(unique("n" + i), "2024-01-01T00:00:00Z", List.of(tag, unique("extra")), List.of(unique("c")));
        }
        long small = statements("/api/posts?size=1&tag=" + tag);
        long large = statements("/api/posts?size=12&tag=" + tag);
        long withBodies = statements("/api/posts?size=12&fields=slug,html,tags&tag=" + tag);
        long search = statements("/api/posts?size=12&q=body&tag=" + tag);
        assertThat(large).isEqualTo(small).isEqualTo(withBodies).isEqualTo(search).isLessThanOrEqualTo(3);
        // a single post: the post with its bodies, its terms, its neighbours, whatever the number of terms
        String few = createPublished(unique("few"), "2024-01-01T00:00:00Z", List.of(tag), List.of());
        String many = createPublished(unique("many"), "2024-01-01T00:00:00Z",
                List.of(tag, unique("a"), unique("b"), unique("c")), List.of(unique("d"), unique("e")));
        assertThat(statements("/api/posts/" + many)).isEqualTo(statements("/api/posts/" + few)).isEqualTo(3);
        // a repeat comes from memory after one shared read of the content version (plain JDBC, not Hibernate)
        assertThat(statements("/api/posts/" + many)).as("from the cache").isZero();
        assertThat(statements("/api/posts?size=12&tag=" + tag)).as("after the writes above").isEqualTo(large);
        assertThat(statements("/api/posts?size=12&tag=" + tag)).as("from the cache").isZero();
    }

    private long statements(String path) {
        var statistics = sessions.getStatistics();
        statistics.clear();
        given().when().get(path).then().statusCode(200);
        return statistics.getPrepareStatementCount();
    }
}
