package dev.slugline.search;

import dev.slugline.testing.FreePorts;
import dev.slugline.testing.TestDatabase;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;

/**
 * Two instances of the packaged jar on one database: what one acknowledges, the other serves at once, although
 * both keep responses in memory. Two free ports; database {@code slugline_5_it} (recreated).
 */
class TwoInstancesIT {

    private static final String DB = System.getenv().getOrDefault("SLUGLINE_IT_DB_NAME", "slugline_5_it");
    /** The tests' server (configured, or the embedded one): {@link TestDatabase#server()}. */
    private static final TestDatabase.Server SERVER = TestDatabase.server();
    private static final String HOST = SERVER.host();
    private static final String PORT = String.valueOf(SERVER.port());
    private static final String USER = SERVER.user();
    private static final int[] PORTS = FreePorts.pick(2);
    private static final int A = PORTS[0];
    private static final int B = PORTS[1];
    private static final List<Process> instances = new ArrayList<>();

    @BeforeAll
    static void startTwoInstances() throws Exception {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + PORT + "/postgres", USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + DB);
            statement.execute("create database " + DB);
        }
        instances.add(start(A));
        awaitReady(A);
        instances.add(start(B));
        awaitReady(B);
    }

    @AfterAll
    static void stopInstances() {
        instances.forEach(Process::destroy);
    }

    private static Process start(int port) throws IOException {
        String jar = System.getProperty("slugline.jar", "target/quarkus-app/quarkus-run.jar");
        Path log = Files.createTempFile("slugline-it-" + port, ".log");
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.datasource.jdbc.url=jdbc:postgresql://" + HOST + ":" + PORT + "/" + DB,
                "-Dquarkus.datasource.username=" + USER,
                // prod skips it at start: here the packaged entities are checked against the migrated schema
                "-Dquarkus.hibernate-orm.schema-management.strategy=validate",
                "-Dslugline.admin.username=" + ADMIN,
                "-Dslugline.admin.password=" + ADMIN_PASSWORD,
                "-jar", new File(jar).getAbsolutePath())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void awaitReady(int port) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> ready = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/q/health/ready")).build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Instance on port " + port + " did not get ready");
    }

    /** The first admin each instance is started with; writes need an account. */
    private static final String ADMIN = "it-admin";
    private static final String ADMIN_PASSWORD = "Two-Instances-Pa55phrase!";

    private static io.restassured.specification.RequestSpecification asAdmin() {
        return given().auth().preemptive().basic(ADMIN, ADMIN_PASSWORD).header("If-Match", "*");
    }

    private static String url(int port, String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private static String create(int port, String slug, String title, String tag, String publishedAt) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("slug", slug);
        body.put("markdown", "Body of " + slug);
        body.put("tags", List.of(tag));
        body.put("publishedAt", publishedAt);
        return asAdmin().contentType(ContentType.JSON).body(body).when().post(url(port, "/api/posts"))
                .then().statusCode(201).extract().path("slug");
    }

    @Test
    void aWriteOnOneInstanceIsSeenAtOnceByTheOther() {
        String tag = "two-" + UUID.randomUUID().toString().substring(0, 8);
        String first = create(A, tag + "-first", "First", tag, "2024-01-01T00:00:00Z");
        String list = "/api/posts?tag=" + tag;

        // both instances answer (and cache) the list; their ETags agree
        Response onA = given().when().get(url(A, list));
        Response onB = given().when().get(url(B, list));
        onA.then().statusCode(200).body("items.slug", contains(first));
        onB.then().statusCode(200).body("items.slug", contains(first));
        assertThat(onB.header("ETag")).isEqualTo(onA.header("ETag"));
        given().header("If-None-Match", onA.header("ETag")).when().get(url(B, list)).then().statusCode(304);

        // a post created on A is in B's very next answer
        String second = create(A, tag + "-second", "Second", tag, "2024-02-01T00:00:00Z");
        given().when().get(url(B, list)).then().statusCode(200).body("items.slug", contains(second, first));
        given().header("If-None-Match", onB.header("ETag")).when().get(url(B, list)).then().statusCode(200);

        // a title changed on B is in A's very next answer, lists, feeds and single posts alike
        given().when().get(url(A, "/feeds/tags/" + tag + "/feed.json")).then().statusCode(200);
        Map<String, Object> body = new HashMap<>();
        body.put("title", "Renamed on B");
        body.put("markdown", "Body");
        body.put("tags", List.of(tag));
        body.put("publishedAt", "2024-01-01T00:00:00Z");
        asAdmin().contentType(ContentType.JSON).body(body).when().put(url(B, "/api/posts/" + first)).then().statusCode(200);
        given().when().get(url(A, list)).then().statusCode(200).body("items[1].title", is("Renamed on B"));
        given().when().get(url(A, "/feeds/tags/" + tag + "/feed.json")).then().statusCode(200)
                .body("items[1].title", is("Renamed on B"));
        given().when().get(url(A, "/api/posts/" + first)).then().statusCode(200).body("title", is("Renamed on B"));

        // deleted on A: gone from B's list
        asAdmin().when().delete(url(A, "/api/posts/" + second)).then().statusCode(204);
        given().when().get(url(B, list)).then().statusCode(200).body("items.slug", contains(first));
    }

    @Test
    void aPostAnsweredFromMemoryOnOneInstanceNeverLagsAWriteAcknowledgedByTheOther() {
        String tag = "hot-" + UUID.randomUUID().toString().substring(0, 8);
        String slug = create(A, tag, "Round start", tag, "2024-03-01T00:00:00Z");
        for (int round = 0; round < 20; round++) {
            int reader = round % 2 == 0 ? B : A;
            int writer = reader == A ? B : A;
            // twice, so that the second answer comes from the reader's memory
            given().when().get(url(reader, "/api/posts/" + slug)).then().statusCode(200);
            given().when().get(url(reader, "/api/posts/" + slug)).then().statusCode(200);
            String title = "Round " + round;
            asAdmin().contentType("application/merge-patch+json").body(Map.of("title", title))
                    .when().patch(url(writer, "/api/posts/" + slug)).then().statusCode(200);
            given().when().get(url(reader, "/api/posts/" + slug)).then().statusCode(200).body("title", is(title));
            given().when().get(url(reader, "/api/posts?tag=" + tag)).then().statusCode(200)
                    .body("items[0].title", is(title));
        }
    }
}
