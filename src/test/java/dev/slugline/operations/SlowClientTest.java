package dev.slugline.operations;

import dev.slugline.testing.Fixtures;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Slow clients cannot hold a connection: {@code quarkus.http.idle-timeout} closes one that stops sending its headers,
 * {@code quarkus.http.read-timeout} one that stops sending its body, and other requests are served meanwhile.
 * Short timeouts here (production: 60 s and 30 s); the read timeout is the shorter, as in production.
 */
@QuarkusTest
@TestProfile(SlowClientTest.ShortTimeouts.class)
class SlowClientTest {

    static final Duration READ_TIMEOUT = Duration.ofSeconds(2);
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(8);
    /** However busy the machine, a connection still open this long after its timeout was not closed by it. */
    static final Duration SLACK = Duration.ofSeconds(5);

    public static class ShortTimeouts implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.read-timeout", READ_TIMEOUT.toSeconds() + "S",
                    "quarkus.http.idle-timeout", IDLE_TIMEOUT.toSeconds() + "S");
        }
    }

    /** When the server closed a connection, and what it sent before. */
    record Closed(Duration after, String received) {
    }

    @TestHTTPResource("/")
    URL root;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void stalledHeadersAreClosedByTheIdleTimeoutWhileOthersAreServed() throws Exception {
        List<Socket> stalled = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Socket socket = connect();
            send(socket, "GET /api/posts HTTP/1.1\r\nHost: localhost\r\nAccept: appl");
            stalled.add(socket);
        }
        long start = System.nanoTime();
        List<Integer> served = serveWhile(() -> {
            for (Socket socket : stalled) {
                Closed closed = awaitClose(socket, start);
                assertThat(closed.received()).as("nothing is answered to half a request").isEmpty();
                assertThat(closed.after()).isGreaterThanOrEqualTo(IDLE_TIMEOUT.minusMillis(500))
                        .isLessThan(IDLE_TIMEOUT.plus(SLACK));
            }
        });
        assertThat(served).isNotEmpty().containsOnly(200);
    }

    @Test
    void aStalledBodyIsClosedByTheReadTimeoutWhileOthersAreServed() throws Exception {
        Socket socket = connect();
        String credentials = Base64.getEncoder().encodeToString(
                (Fixtures.ADMIN + ":" + Fixtures.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        send(socket, "POST /api/imports HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + credentials
                + "\r\nContent-Type: application/zip\r\nContent-Length: 1000000\r\n\r\n");
        // more than RESTEasy keeps in memory before it reads the rest blocking, under the read timeout
        socket.getOutputStream().write(new byte[64 * 1024]);
        socket.getOutputStream().flush();
        long start = System.nanoTime();
        List<Integer> served = serveWhile(() -> {
            Closed closed = awaitClose(socket, start);
            assertThat(closed.after()).isGreaterThanOrEqualTo(READ_TIMEOUT.minusMillis(500))
                    .as("closed by the read timeout, well before the idle timeout").isLessThan(READ_TIMEOUT.plus(SLACK));
        });
        assertThat(served).isNotEmpty().containsOnly(200);
        given().when().get("/api/posts").then().statusCode(200);
    }

    interface Check {
        void run() throws Exception;
    }

    /** Runs the check while another thread keeps sending ordinary requests; returns their statuses. */
    private List<Integer> serveWhile(Check check) throws Exception {
        List<Integer> statuses = new CopyOnWriteArrayList<>();
        AtomicBoolean done = new AtomicBoolean();
        ExecutorService other = Executors.newSingleThreadExecutor();
        Future<?> requests = other.submit(() -> {
            while (!done.get()) {
                statuses.add(given().when().get("/q/health/live").then().extract().statusCode());
                statuses.add(given().when().get("/api/posts").then().extract().statusCode());
            }
            return null;
        });
        try {
            check.run();
        } finally {
            done.set(true);
            requests.get(60, TimeUnit.SECONDS);
            other.shutdown();
        }
        return statuses;
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(root.getHost(), root.getPort());
        socket.setSoTimeout((int) IDLE_TIMEOUT.plus(SLACK).multipliedBy(2).toMillis());
        return socket;
    }

    private static void send(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Reads until the server closes the connection (a read timeout fails the test: it never did). */
    private static Closed awaitClose(Socket socket, long since) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        try (socket; InputStream in = socket.getInputStream()) {
            byte[] buffer = new byte[1024];
            for (int n; (n = in.read(buffer)) != -1; ) {
                received.write(buffer, 0, n);
            }
        } catch (SocketException reset) {
            // closed with a reset: closed all the same
        }
        return new Closed(Duration.ofNanos(System.nanoTime() - since), received.toString(StandardCharsets.US_ASCII));
    }
}
