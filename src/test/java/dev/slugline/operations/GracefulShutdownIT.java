package dev.slugline.operations;

import dev.slugline.testing.FreePorts;
import dev.slugline.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7: on SIGTERM the writes in flight finish and are answered; nothing is half-written. Concurrent creates go to
 * the packaged jar, SIGTERM arrives while they run; afterwards every post answered 201 is stored whole (with its
 * revision), and no post is stored that was not answered 201.
 */
class GracefulShutdownIT {

    private static final String DB = System.getenv().getOrDefault("SLUGLINE_GRACEFUL_IT_DB_NAME", "slugline_7_graceful_it");
    /** The tests' server (configured, or the embedded one): {@link TestDatabase#server()}. */
    private static final TestDatabase.Server SERVER = TestDatabase.server();
    private static final String HOST = SERVER.host();
    private static final String PORT = String.valueOf(SERVER.port());
    private static final String USER = SERVER.user();
    private static final String ADMIN = "graceful-admin";
    private static final String ADMIN_PASSWORD = "Graceful-Shutdown-Pa55!";
    private static final int HTTP_PORT = FreePorts.pick(1)[0];
    private static final int WRITES = 40;

    @Test
    void writesInFlightAtSigtermFinishAndNothingIsHalfWritten() throws Exception {
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + PORT + "/postgres", USER, "");
             Statement statement = admin.createStatement()) {
            statement.execute("drop database if exists " + DB);
            statement.execute("create database " + DB);
        }
        Path log = Files.createTempFile("slugline-graceful", ".log");
        Process app = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-Dquarkus.http.port=" + HTTP_PORT,
                "-Dquarkus.datasource.jdbc.url=jdbc:postgresql://" + HOST + ":" + PORT + "/" + DB,
                "-Dquarkus.datasource.username=" + USER,
                "-Dslugline.admin.username=" + ADMIN,
                "-Dslugline.admin.password=" + ADMIN_PASSWORD,
                "-jar", new File(System.getProperty("slugline.jar", "target/quarkus-app/quarkus-run.jar")).getAbsolutePath())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            awaitReady(client, app, log);

            String filler = "x".repeat(200_000); // big enough that a write takes a moment
            String credentials = "Basic " + Base64.getEncoder().encodeToString((ADMIN + ":" + ADMIN_PASSWORD)
                    .getBytes(StandardCharsets.UTF_8));
            List<CompletableFuture<Integer>> answers = new ArrayList<>();
            for (int i = 1; i <= WRITES; i++) {
                HttpRequest create = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + HTTP_PORT + "/api/posts"))
                        .header("Content-Type", "application/json").header("Authorization", credentials)
                        .timeout(Duration.ofSeconds(60))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"Graceful " + i + "\",\"slug\":\"graceful-" + i
                                + "\",\"markdown\":\"" + filler + "\"}")).build();
                answers.add(client.sendAsync(create, HttpResponse.BodyHandlers.discarding())
                        .thenApply(HttpResponse::statusCode).exceptionally(cut -> -1));
                if (i == WRITES / 2) {
                    Thread.sleep(300);
                    app.destroy(); // SIGTERM
                }
            }
            List<Integer> statuses = new ArrayList<>();
            Set<String> answered = new HashSet<>();
            for (int i = 0; i < WRITES; i++) {
                int status = answers.get(i).get(90, TimeUnit.SECONDS);
                statuses.add(status);
                if (status == 201) {
                    answered.add("graceful-" + (i + 1));
                }
            }
            assertThat(app.waitFor(60, TimeUnit.SECONDS)).as("stopped after SIGTERM").isTrue();
            assertThat(answered).as("writes in flight at SIGTERM are answered, statuses %s", statuses).isNotEmpty();

            try (Connection db = DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + PORT + "/" + DB, USER, "");
                 Statement query = db.createStatement()) {
                Set<String> stored = new HashSet<>();
                try (ResultSet rows = query.executeQuery("select slug from post where length(markdown) = 200000")) {
                    while (rows.next()) {
                        stored.add(rows.getString(1));
                    }
                }
                assertThat(stored).as("every 201 is stored whole, nothing else is stored; statuses %s", statuses)
                        .isEqualTo(answered);
                try (ResultSet all = query.executeQuery("select count(*), count(*) filter (where not exists"
                        + " (select 1 from post_revision r where r.post_id = p.id)) from post p")) {
                    all.next();
                    assertThat(all.getInt(1)).as("posts").isEqualTo(answered.size());
                    assertThat(all.getInt(2)).as("posts without their revision").isZero();
                }
            }
        } finally {
            if (app.isAlive()) {
                app.destroyForcibly().waitFor();
            }
        }
    }

    private static void awaitReady(HttpClient client, Process app, Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline && app.isAlive()) {
            try {
                if (client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + HTTP_PORT + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(300);
        }
        throw new IllegalStateException("Slugline did not get ready:\n" + Files.readString(log));
    }
}
