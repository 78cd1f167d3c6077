package dev.slugline.webhooks;

import com.sun.net.httpserver.HttpServer;
import dev.slugline.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.slugline.testing.Fixtures.editor;
import static dev.slugline.testing.Fixtures.etag;
import static dev.slugline.testing.Fixtures.post;
import static dev.slugline.testing.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

/**
 * A real HTTP receiver on 127.0.0.1 (allowed for tests by slugline.webhooks.allowed-private-hosts): deliveries
 * arrive signed, failures are retried with backoff, and contending claimers deliver each event once.
 */
@QuarkusTest
class WebhookTest {

    /** Any free port: other builds on the machine may run this test at the same time. */
    static int port;
    static HttpServer receiver;
    /** Per path: the requests received. */
    static final Map<String, List<Received>> received = new ConcurrentHashMap<>();
    /** Per path: how many more requests to answer with 500 before answering 204. */
    static final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();

    record Received(String body, String signature, String timestamp, String event, String eventId) {
    }

    @Inject
    WebhookService webhooks;

    @BeforeAll
    static void startReceiver() throws IOException {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        port = receiver.getAddress().getPort();
        receiver.setExecutor(Executors.newFixedThreadPool(4));
        receiver.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var headers = exchange.getRequestHeaders();
            received.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>()).add(new Received(body,
                    headers.getFirst("Slugline-Signature"), headers.getFirst("Slugline-Timestamp"),
                    headers.getFirst("Slugline-Event"), headers.getFirst("Slugline-Event-Id")));
            AtomicInteger fail = failuresLeft.get(path);
            int status = fail != null && fail.getAndDecrement() > 0 ? 500 : 204;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.stop(0);
    }

    static String register(String path, String secret, String... events) {
        return String.valueOf((Integer) editor().contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:" + port + path, "events", List.of(events), "secret", secret))
                .when().post("/api/webhooks")
                .then().statusCode(201).contentType(ContentType.JSON)
                .body("secret", is(secret), "active", is(true))
                .extract().path("id"));
    }

    static List<Received> awaitReceived(String path, int count, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            List<Received> got = received.getOrDefault(path, List.of());
            if (got.size() >= count) {
                return got;
            }
            Thread.sleep(100);
        }
        return received.getOrDefault(path, List.of());
    }

    @Test
    void publishingDeliversASignedEventAfterCommit() throws Exception {
        String path = "/" + unique("signed");
        String secret = "a-test-secret-of-some-length";
        String hook = register(path, secret, "post.published", "post.updated", "post.deleted");
        String slug = Fixtures.createPublished(unique("hooked"), "2024-01-01T00:00:00Z", List.of(), List.of());

        List<Received> got = awaitReceived(path, 1, Duration.ofSeconds(20));
        assertThat(got).hasSize(1);
        Received delivery = got.get(0);
        assertThat(delivery.event()).isEqualTo("post.published");
        assertThat(delivery.body()).contains("\"slug\":\"" + slug + "\"").contains("\"type\":\"post.published\"");
        assertThat(delivery.signature()).isEqualTo("t=" + delivery.timestamp() + ",v1="
                + WebhookService.sign(secret, Long.parseLong(delivery.timestamp()), delivery.body()));
        assertThat(Long.parseLong(delivery.timestamp())).isCloseTo(System.currentTimeMillis() / 1000, org.assertj.core.data.Offset.offset(60L));

        editor().header("If-Match", etag(slug)).when().delete("/api/posts/{slug}", slug).then().statusCode(204);
        got = awaitReceived(path, 2, Duration.ofSeconds(20));
        assertThat(got).extracting(Received::event).containsExactly("post.published", "post.deleted");

        editor().when().get("/api/webhooks/{id}/deliveries", hook).then().statusCode(200)
                .body("state", org.hamcrest.Matchers.everyItem(is("DELIVERED")), "event", hasItem("post.deleted"),
                        "attempts", org.hamcrest.Matchers.everyItem(is(1)));
    }

    @Test
    void aRealImportAnnouncesImportFinishedWithItsCounts() throws Exception {
        String path = "/" + unique("imports");
        register(path, "an-import-secret-of-length", "import.finished");
        String slug = unique("imported");
        byte[] zip = dev.slugline.testing.Archives.zip(Map.of("content/posts/" + slug + ".md",
                ("---\ntitle: Imported\nslug: " + slug + "\ndate: 2024-01-01T00:00:00Z\n---\nBody\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        editor().contentType("application/zip").body(zip).queryParam("dryRun", "true").when().post("/api/imports")
                .then().statusCode(200).body("created", is(1));
        editor().contentType("application/zip").body(zip).when().post("/api/imports")
                .then().statusCode(200).body("created", is(1));

        List<Received> got = awaitReceived(path, 1, Duration.ofSeconds(20));
        Thread.sleep(1500);
        got = received.getOrDefault(path, List.of());
        assertThat(got).as("one event for the real import, none for the dry run").hasSize(1);
        assertThat(got.get(0).event()).isEqualTo("import.finished");
        assertThat(got.get(0).body()).contains("\"created\":1").contains("\"failed\":0").contains("\"conflict\":0");
    }

    @Test
    void importedPostsAnnounceTheirChangesLikeAnyOtherWrite() throws Exception {
        String path = "/" + unique("imported-events");
        register(path, "imported-events-secret", "post.published", "post.updated", "post.unpublished");
        String published = unique("imp-pub");
        String draft = unique("imp-draft");
        Map<String, byte[]> files = new java.util.LinkedHashMap<>(dev.slugline.testing.Archives.files(
                "posts/" + published + ".md", "---\ntitle: Out\ndate: 2024-01-01T00:00:00Z\n---\none\n",
                "posts/" + draft + ".md", "---\ntitle: Draft\ndraft: true\n---\none\n"));
        editor().contentType("application/zip").body(dev.slugline.testing.Archives.zip(files)).when().post("/api/imports")
                .then().statusCode(200).body("created", is(2));
        // unchanged: no event
        editor().contentType("application/zip").body(dev.slugline.testing.Archives.zip(files)).when().post("/api/imports")
                .then().statusCode(200).body("unchanged", is(2));
        files.put("posts/" + published + ".md", "---\ntitle: Out again\ndate: 2024-01-01T00:00:00Z\n---\ntwo\n"
                .getBytes(StandardCharsets.UTF_8));
        files.put("posts/" + draft + ".md", "---\ntitle: Draft\ndraft: true\n---\ntwo\n".getBytes(StandardCharsets.UTF_8));
        editor().contentType("application/zip").body(dev.slugline.testing.Archives.zip(files)).when().post("/api/imports")
                .then().statusCode(200).body("updated", is(2));

        awaitReceived(path, 2, Duration.ofSeconds(20));
        Thread.sleep(1500); // room for an event too many to show up, if there were one
        List<Received> got = received.getOrDefault(path, List.of());
        assertThat(got).extracting(Received::event).containsExactly("post.published", "post.updated");
        assertThat(got).allSatisfy(r -> assertThat(r.body()).contains("\"slug\":\"" + published + "\""));
        assertThat(got.get(0).body()).contains("\"version\":0", "\"status\":\"published\"");
        assertThat(got.get(1).body()).contains("\"version\":1", "\"title\":\"Out again\"");
        given().get("/api/posts/{slug}", published).then().statusCode(200).header("ETag", is("\"" +
                got.get(1).body().replaceAll(".*\"id\":(\\d+).*", "$1") + ".1\""));
    }

    @Test
    void failedDeliveriesAreRetriedWithBackoffAndLogged() throws Exception {
        String path = "/" + unique("flaky");
        failuresLeft.put(path, new AtomicInteger(2));
        double failedBefore = attempts("failed");
        double deliveredBefore = attempts("delivered");
        String hook = register(path, "another-secret-value", "post.published");
        Fixtures.createPublished(unique("retried"), "2024-01-01T00:00:00Z", List.of(), List.of());

        List<Received> got = awaitReceived(path, 3, Duration.ofSeconds(30));
        assertThat(got).hasSize(3);
        assertThat(got).extracting(Received::eventId).containsOnly(got.get(0).eventId());
        // the log shows three attempts and the last error was cleared on success
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < end && !"DELIVERED".equals(editor().get("/api/webhooks/{id}/deliveries", hook).path("[0].state"))) {
            Thread.sleep(100);
        }
        editor().when().get("/api/webhooks/{id}/deliveries", hook).then().statusCode(200)
                .body("[0].state", is("DELIVERED"), "[0].attempts", is(3), "[0].lastStatus", is(204),
                        "[0].deliveredAt", notNullValue());
        // and the metrics count every attempt by outcome (other tests' deliveries may add to them meanwhile)
        assertThat(attempts("failed")).isGreaterThanOrEqualTo(failedBefore + 2);
        assertThat(attempts("delivered")).isGreaterThanOrEqualTo(deliveredBefore + 1);
        assertThat(webhooks.backoff(1)).isEqualTo(Duration.ofMillis(300));
        assertThat(webhooks.backoff(3)).isEqualTo(Duration.ofMillis(1200));
    }

    @Test
    void contendingClaimersDeliverEachEventExactlyOnce() throws Exception {
        String path = "/" + unique("once");
        String hook = register(path, "exactly-once-secret", "post.published");
        int posts = 30;
        for (int i = 0; i < posts; i++) {
            Fixtures.createPublished(unique("once"), "2024-01-01T00:00:00Z", List.of(), List.of());
        }
        // Besides this instance's scheduler, three more claimers race for the same rows (as other instances would)
        ExecutorService pool = Executors.newFixedThreadPool(3);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> claimers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            claimers.add(pool.submit(() -> {
                start.await();
                while (webhooks.deliverDue() > 0) {
                    // drain
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> claimer : claimers) {
            claimer.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        awaitReceived(path, posts, Duration.ofSeconds(30));
        Thread.sleep(1500); // room for a duplicate to show up, if there were one
        List<Received> got = received.get(path);
        assertThat(got.stream().map(Received::eventId).distinct().count()).isEqualTo(posts);
        // Each attempt is made by one claimer: an event arrives as often as its delivery was attempted, so once,
        // unless an attempt failed on Slugline's side after the receiver had it (then it is retried: at least
        // once, which is why every request carries Slugline-Event-Id). Two claimers taking one row would show
        // as more arrivals than attempts.
        List<Map<String, Object>> log = editor().when().get("/api/webhooks/{id}/deliveries", hook)
                .then().statusCode(200).extract().path("$");
        assertThat(log).hasSize(posts).allSatisfy(delivery -> assertThat(delivery).containsEntry("state", "DELIVERED"));
        for (Map<String, Object> delivery : log) {
            String event = String.valueOf(delivery.get("eventId"));
            long arrivals = got.stream().filter(r -> event.equals(r.eventId())).count();
            assertThat(arrivals).as("arrivals of event %s, delivery %s", event, delivery)
                    .isEqualTo(((Number) delivery.get("attempts")).longValue());
        }
    }

    @Test
    void scheduledPostIsAnnouncedWhenItsTimeComesNotBefore() throws Exception {
        String path = "/" + unique("scheduled");
        register(path, "scheduled-secret-value", "post.published");
        java.time.OffsetDateTime at = java.time.OffsetDateTime.now().plusSeconds(3);
        Map<String, Object> body = post(unique("Later"), "x");
        body.put("status", "scheduled");
        body.put("publishedAt", at.toString());
        String slug = Fixtures.create(body).statusCode(201).extract().path("slug");
        Thread.sleep(1500);
        assertThat(received.getOrDefault(path, List.of())).isEmpty();
        List<Received> got = awaitReceived(path, 1, Duration.ofSeconds(20));
        assertThat(got).hasSize(1);
        assertThat(got.get(0).event()).isEqualTo("post.published");
        assertThat(got.get(0).body()).contains("\"slug\":\"" + slug + "\"");
        assertThat(java.time.OffsetDateTime.now()).isAfterOrEqualTo(at);
        Thread.sleep(1500);
        assertThat(received.get(path)).hasSize(1);
    }

    @Test
    void anExpiringPostIsAnnouncedAsUnpublishedWhenItExpires() throws Exception {
        String path = "/" + unique("expiring");
        register(path, "expiring-secret-value", "post.published", "post.unpublished");
        java.time.OffsetDateTime expires = java.time.OffsetDateTime.now().plusSeconds(3);
        Map<String, Object> body = post(unique("Short-lived"), "x");
        body.put("publishedAt", "2024-01-01T00:00:00Z");
        body.put("expiresAt", expires.toString());
        String slug = Fixtures.create(body).statusCode(201).extract().path("slug");
        List<Received> got = awaitReceived(path, 1, Duration.ofSeconds(20));
        assertThat(got).extracting(Received::event).containsExactly("post.published");

        got = awaitReceived(path, 2, Duration.ofSeconds(20));
        assertThat(got).extracting(Received::event).containsExactly("post.published", "post.unpublished");
        assertThat(got.get(1).body()).contains("\"slug\":\"" + slug + "\"");
        assertThat(java.time.OffsetDateTime.now()).isAfterOrEqualTo(expires);
        given().get("/api/posts/{slug}", slug).then().statusCode(404);
        Thread.sleep(1500);
        assertThat(received.get(path)).as("announced once").hasSize(2);
    }

    @Test
    void privateAndLoopbackTargetsAreRefused() {
        for (String url : List.of("http://10.0.0.1/hook", "http://localhost:8080/hook", "http://169.254.169.254/latest",
                "http://[::1]/hook", "http://192.168.1.1/", "ftp://example.com/x", "not a url")) {
            editor().contentType(ContentType.JSON).body(Map.of("url", url, "events", List.of("post.published")))
                    .when().post("/api/webhooks")
                    .then().statusCode(400).contentType("application/problem+json").body("violations.field", hasItem("url"));
        }
        editor().contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:" + port + "/x", "events", List.of("post.exploded")))
                .when().post("/api/webhooks").then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("url", "http://127.0.0.1/x", "events", List.of("post.published")))
                .when().post("/api/webhooks").then().statusCode(401);
    }

    /** {@code slugline_webhook_attempts_total} for one outcome at {@code /q/metrics}, 0 before the first attempt. */
    private static double attempts(String outcome) {
        String metrics = io.restassured.RestAssured.given().accept("text/plain").when().get("/q/metrics")
                .then().statusCode(200).extract().asString();
        java.util.regex.Matcher counter = java.util.regex.Pattern.compile(
                "(?m)^slugline_webhook_attempts_total\\{[^}]*outcome=\"" + outcome + "\"[^}]*} ([0-9.E+-]+)$").matcher(metrics);
        return counter.find() ? Double.parseDouble(counter.group(1)) : 0;
    }
}
