package dev.slugline.webhooks;

import com.sun.net.httpserver.HttpServer;
import dev.slugline.testing.FreePorts;
import dev.slugline.testing.TestDatabase;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;

/**
 * The packaged application started twice against one database (maven-failsafe, after {@code package}): both
 * instances run the delivery scheduler and claim outbox rows with SKIP LOCKED; the receiver counts deliveries.
 */
class TwoInstancesIT {

    static final String ADMIN = "admin";
    static final String PASSWORD = "two-Instances-it-42";
    /** Free ports unless given: other builds on the machine may run these tests at the same time. */
    static final int[] FREE = FreePorts.pick(4);
    static final int PORT_A = Integer.getInteger("slugline.it.port-a", FREE[0]);
    static final int PORT_B = Integer.getInteger("slugline.it.port-b", FREE[1]);
    static final int RECEIVER = Integer.getInteger("slugline.it.receiver-port", FREE[2]);
    static final List<String> eventIds = new CopyOnWriteArrayList<>();
    static Process a;
    static Process b;
    static HttpServer receiver;
    static String jdbcUrl;

    @BeforeAll
    static void start() throws Exception {
        TestDatabase.Server server = TestDatabase.server(); // configured, or the embedded one
        String host = server.host();
        int port = server.port();
        String user = server.user();
        String password = server.password();
        String name = env("SLUGLINE_IT_DB_NAME", "slugline_6_it");
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/postgres", user, password);
             Statement s = c.createStatement()) {
            s.execute("drop database if exists \"" + name + "\" with (force)");
            s.execute("create database \"" + name + "\"");
        }
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", RECEIVER), 50);
        receiver.setExecutor(Executors.newFixedThreadPool(4));
        receiver.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            eventIds.add(exchange.getRequestHeaders().getFirst("Slugline-Event-Id"));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        jdbcUrl = "jdbc:postgresql://" + host + ":" + port + "/" + name;
        Map<String, String> environment = Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl,
                "QUARKUS_DATASOURCE_USERNAME", user,
                "QUARKUS_DATASOURCE_PASSWORD", password,
                "SLUGLINE_ADMIN_USERNAME", ADMIN,
                "SLUGLINE_ADMIN_PASSWORD", PASSWORD,
                "SLUGLINE_WEBHOOKS_ALLOWED_PRIVATE_HOSTS", "127.0.0.1",
                "SLUGLINE_WEBHOOKS_POLL_INTERVAL", "1s");
        a = launch(PORT_A, environment, "a");
        awaitReady(PORT_A);
        b = launch(PORT_B, environment, "b");
        awaitReady(PORT_B);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        for (Process p : new Process[]{a, b}) {
            if (p != null) {
                p.destroy();
                if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
        }
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    static RequestSpecification on(int port) {
        return given().baseUri("http://127.0.0.1").port(port).auth().preemptive().basic(ADMIN, PASSWORD);
    }

    @Test
    void eachEventIsDeliveredExactlyOnceByTwoInstances() throws Exception {
        int hook = on(PORT_A).contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:" + RECEIVER + "/hook", "events", List.of("post.published")))
                .when().post("/api/webhooks").then().statusCode(201).extract().path("id");
        int posts = 40;
        for (int i = 0; i < posts; i++) {
            on(i % 2 == 0 ? PORT_A : PORT_B).contentType(ContentType.JSON)
                    .body(Map.of("title", "Two instances " + i + " " + UUID.randomUUID(), "markdown", "x",
                            "publishedAt", "2024-01-01T00:00:00Z"))
                    .when().post("/api/posts").then().statusCode(201);
        }
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (eventIds.size() < posts && System.nanoTime() < end) {
            Thread.sleep(200);
        }
        Thread.sleep(3000); // both schedulers keep polling: a duplicate would arrive now
        assertThat(eventIds).hasSize(posts);
        assertThat(eventIds.stream().distinct().count()).isEqualTo(posts);
        on(PORT_B).when().get("/api/webhooks/{id}/deliveries", hook).then().statusCode(200)
                .body("state", everyItem(is("DELIVERED")), "attempts", everyItem(is(1)));
    }

    @Test
    void prodRefusesToStartWithAWeakAdminPassword() throws Exception {
        Map<String, String> environment = new java.util.HashMap<>(Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl,
                "SLUGLINE_ADMIN_USERNAME", "second-admin",
                "SLUGLINE_ADMIN_PASSWORD", "password1"));
        Process weak = launch(Integer.getInteger("slugline.it.port-weak", FREE[3]), environment, "weak");
        boolean exited = weak.waitFor(90, java.util.concurrent.TimeUnit.SECONDS);
        if (!exited) {
            weak.destroyForcibly();
        }
        assertThat(exited).isTrue();
        assertThat(weak.exitValue()).isNotZero();
        assertThat(java.nio.file.Files.readString(java.nio.file.Path.of("target/it-instance-weak.log")))
                .contains("SLUGLINE_ADMIN_PASSWORD is too weak");
    }

    private static Process launch(int port, Map<String, String> environment, String name) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-jar", "target/quarkus-app/quarkus-run.jar");
        builder.environment().putAll(environment);
        builder.environment().put("PORT", String.valueOf(port));
        builder.environment().put("QUARKUS_HTTP_HOST", "127.0.0.1");
        File log = new File("target/it-instance-" + name + ".log");
        builder.redirectErrorStream(true).redirectOutput(log);
        return builder.start();
    }

    private static void awaitReady(int port) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < end) {
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException e) {
                // not up yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Instance on port " + port + " did not become ready; see target/it-instance-*.log");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
