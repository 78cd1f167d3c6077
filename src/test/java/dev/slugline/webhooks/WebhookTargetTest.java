package dev.slugline.webhooks;

import com.sun.net.httpserver.HttpServer;
import dev.slugline.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.StandardConstants;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static dev.slugline.testing.Fixtures.editor;
import static dev.slugline.testing.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;

/**
 * DNS rebinding: a delivery connects to exactly the address its SSRF check resolved (never resolving the host
 * again), keeps the URL's host for the Host header and for TLS (SNI, certificate check), and a host that resolves
 * to a private address by delivery time is refused with a clear last error. DNS is {@link ScriptedResolver}; the
 * {@code *.rebind.test} names exist nowhere else, so a client resolving them itself would fail.
 */
@QuarkusTest
@TestProfile(WebhookTargetTest.ScriptedDns.class)
class WebhookTargetTest {

    public static class ScriptedDns implements QuarkusTestProfile {
        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(ScriptedResolver.class);
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("slugline.webhooks.allowed-private-hosts", "127.0.0.1,pinned.rebind.test,tls.rebind.test");
        }
    }

    record Received(InetAddress at, String path, String host, String body, String signature, String timestamp) {
    }

    /** Two receivers on one port: 127.0.0.1 and 127.0.0.2. */
    static final List<Received> received = new CopyOnWriteArrayList<>();
    static HttpServer first;
    static HttpServer second;
    static int port;

    @Inject
    ScriptedResolver dns;

    @BeforeAll
    static void startReceivers() throws IOException {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        for (int tries = 0; first == null; tries++) {
            second = receiver(new InetSocketAddress("127.0.0.2", 0));
            port = second.getAddress().getPort();
            try {
                first = receiver(new InetSocketAddress("127.0.0.1", port));
            } catch (IOException taken) {
                second.stop(0);
                if (tries == 10) {
                    throw taken;
                }
            }
        }
    }

    private static HttpServer receiver(InetSocketAddress address) throws IOException {
        HttpServer server = HttpServer.create(address, 50);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var headers = exchange.getRequestHeaders();
            received.add(new Received(exchange.getLocalAddress().getAddress(), exchange.getRequestURI().getPath(),
                    headers.getFirst("Host"), body, headers.getFirst("Slugline-Signature"),
                    headers.getFirst("Slugline-Timestamp")));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        return server;
    }

    @AfterAll
    static void stopReceivers() {
        first.stop(0);
        second.stop(0);
    }

    static String register(String url, String secret) {
        return String.valueOf((Integer) editor().contentType(ContentType.JSON)
                .body(Map.of("url", url, "events", List.of("post.published"), "secret", secret))
                .when().post("/api/webhooks").then().statusCode(201).extract().path("id"));
    }

    static Map<String, Object> awaitDelivery(String hook, Predicate<Map<String, Object>> done) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Map<String, Object> delivery = Map.of();
        while (System.nanoTime() < end) {
            List<Map<String, Object>> deliveries = editor().when().get("/api/webhooks/{id}/deliveries", hook)
                    .then().statusCode(200).extract().path("$");
            if (!deliveries.isEmpty()) {
                delivery = deliveries.get(0);
                if (done.test(delivery)) {
                    return delivery;
                }
            }
            Thread.sleep(100);
        }
        return delivery;
    }

    @Test
    void aDeliveryConnectsToTheAddressItsCheckResolved() throws Exception {
        String path = "/" + unique("pinned");
        String secret = "pinned-secret-of-some-length";
        // registration sees 127.0.0.1, the delivery's check 127.0.0.2, any later lookup 127.0.0.1 again
        dns.script("pinned.rebind.test", "127.0.0.1", "127.0.0.2", "127.0.0.1");
        String hook = register("http://pinned.rebind.test:" + port + path + "?source=slugline", secret);
        Fixtures.createPublished(unique("pinned"), "2024-01-01T00:00:00Z", List.of(), List.of());

        Map<String, Object> delivery = awaitDelivery(hook, d -> "DELIVERED".equals(d.get("state")));
        assertThat(delivery).containsEntry("state", "DELIVERED").containsEntry("attempts", 1).containsEntry("lastStatus", 204);
        List<Received> got = received.stream().filter(r -> r.path().equals(path)).toList();
        assertThat(got).hasSize(1);
        Received request = got.get(0);
        assertThat(request.at()).isEqualTo(InetAddress.getByName("127.0.0.2"));
        assertThat(request.host()).isEqualTo("pinned.rebind.test:" + port);
        assertThat(request.signature()).isEqualTo("t=" + request.timestamp() + ",v1="
                + WebhookService.sign(secret, Long.parseLong(request.timestamp()), request.body()));
        assertThat(dns.lookups("pinned.rebind.test")).as("one lookup at registration, one per attempt").isEqualTo(2);
    }

    @Test
    void aHostThatRebindsToAPrivateAddressIsRefusedWithALoggedError() throws Exception {
        String path = "/" + unique("rebound");
        // public when registered, private when the delivery is due
        dns.script("evil.rebind.test", "93.184.215.14", "10.0.0.5");
        String hook = register("http://evil.rebind.test:" + port + path, "rebound-secret-of-length");
        Fixtures.createPublished(unique("rebound"), "2024-01-01T00:00:00Z", List.of(), List.of());

        Map<String, Object> delivery = awaitDelivery(hook, d -> d.get("lastError") != null);
        assertThat(delivery.get("lastError")).isEqualTo(
                "url points to a loopback, link-local or private address (10.0.0.5), which webhooks may not reach");
        assertThat(delivery.get("lastStatus")).isNull();
        assertThat(delivery.get("state")).isNotEqualTo("DELIVERED");
        assertThat(received).noneMatch(r -> r.path().equals(path));

        // a host that is private already is refused at registration, naming the address
        dns.script("internal.rebind.test", "10.1.2.3");
        editor().contentType(ContentType.JSON)
                .body(Map.of("url", "https://internal.rebind.test/hook", "events", List.of("post.published")))
                .when().post("/api/webhooks")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("url"), "detail", containsString("10.1.2.3"));
    }

    @Test
    void ipv4InsideIpv6AmbiguousLiteralsAndDocumentationAddressesAreRefusedAtRegistration() {
        List<String> refused = List.of(
                "http://[64:ff9b::7f00:1]:" + port + "/nat64",       // NAT64 well-known prefix, loopback
                "http://[64:ff9b:1::a9fe:a9fe]/metadata",            // NAT64 local-use prefix, link-local
                "http://[2002:7f00:1::]:" + port + "/6to4",           // 6to4 of 127.0.0.1
                "http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/teredo", // Teredo client 127.0.0.1
                "http://[::127.0.0.1]:" + port + "/compatible",      // IPv4-compatible
                "http://[::ffff:127.0.0.1]:" + port + "/mapped",     // IPv4-mapped: allowed only as 127.0.0.1
                "http://[::ffff:0:7f00:1]:" + port + "/translated",
                "http://0177.0.0.1:" + port + "/octal",
                "http://0x7f.1:" + port + "/hex",
                "http://2130706433:" + port + "/number",
                "http://127.1:" + port + "/short",
                "http://192.0.2.1/doc", "http://198.51.100.1/doc", "http://203.0.113.1/doc", "http://[2001:db8::1]/doc");
        for (String url : refused) {
            editor().contentType(ContentType.JSON)
                    .body(Map.of("url", url, "events", List.of("post.published")))
                    .when().post("/api/webhooks")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("status", org.hamcrest.Matchers.is(400), "violations.field", hasItem("url"));
        }
        List<String> stored = editor().when().get("/api/webhooks").then().statusCode(200).extract().path("url");
        assertThat(stored).as("nothing stored").doesNotContainAnyElementsOf(refused);
    }

    @Test
    void aDnsAnswerCarryingAPrivateIpv4InIpv6IsRefusedAtDelivery() throws Exception {
        String path = "/" + unique("nat64");
        // public when registered; at delivery a NAT64 address of 10.0.0.5
        dns.script("nat64.rebind.test", "93.184.215.14", "64:ff9b::a00:5");
        String hook = register("http://nat64.rebind.test:" + port + path, "nat64-secret-of-length");
        Fixtures.createPublished(unique("nat64"), "2024-01-01T00:00:00Z", List.of(), List.of());

        Map<String, Object> delivery = awaitDelivery(hook, d -> d.get("lastError") != null);
        assertThat((String) delivery.get("lastError")).contains("private").contains("64:ff9b");
        assertThat(delivery.get("state")).isNotEqualTo("DELIVERED");
        assertThat(received).noneMatch(r -> r.path().equals(path));

        // and a host whose DNS answers a 6to4 address of loopback is refused when registered
        dns.script("sixtofour.rebind.test", "2002:7f00:1::");
        editor().contentType(ContentType.JSON)
                .body(Map.of("url", "http://sixtofour.rebind.test:" + port + "/hook", "events", List.of("post.published")))
                .when().post("/api/webhooks")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("url"), "detail", containsString("2002:7f00:1"));
    }

    @Test
    void tlsNamesTheUrlsHostAndChecksItsCertificate() throws Exception {
        List<String> serverNames = new CopyOnWriteArrayList<>();
        try (SSLServerSocket server = tlsServer("tls.rebind.test", serverNames)) {
            dns.script("tls.rebind.test", "127.0.0.1");
            String hook = register("https://tls.rebind.test:" + server.getLocalPort() + "/hook", "tls-secret-of-some-length");
            Fixtures.createPublished(unique("tls"), "2024-01-01T00:00:00Z", List.of(), List.of());

            Map<String, Object> delivery = awaitDelivery(hook, d -> d.get("lastError") != null);
            // the handshake reached the checked address and named the URL's host; the self-signed certificate is refused
            assertThat(serverNames).contains("tls.rebind.test");
            assertThat((String) delivery.get("lastError")).contains("SSLHandshakeException");
            assertThat(delivery.get("state")).isNotEqualTo("DELIVERED");
        }
    }

    /** A TLS server on 127.0.0.1 with a self-signed certificate for {@code name}, recording the SNI names it is sent. */
    private static SSLServerSocket tlsServer(String name, List<String> serverNames) throws Exception {
        Path dir = Files.createTempDirectory("slugline-tls");
        Path store = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=" + name, "-ext", "SAN=dns:" + name, "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).redirectOutput(dir.resolve("keytool.log").toFile()).start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(Files.readString(dir.resolve("keytool.log"))).isZero();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(store.toFile())) {
            keys.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(keys, "changeit".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(managers.getKeyManagers(), null, null);
        SSLServerSocket server = (SSLServerSocket) context.getServerSocketFactory()
                .createServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        SSLParameters parameters = server.getSSLParameters();
        parameters.setSNIMatchers(List.of(new SNIMatcher(StandardConstants.SNI_HOST_NAME) {
            @Override
            public boolean matches(SNIServerName serverName) {
                serverNames.add(new SNIHostName(serverName.getEncoded()).getAsciiName());
                return true;
            }
        }));
        server.setSSLParameters(parameters);
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket socket = server.accept()) {
                    ((SSLSocket) socket).startHandshake();
                } catch (IOException handshakeOrClosed) {
                    // the client refuses the certificate; closing the server ends the loop
                }
            }
        }, "tls-receiver");
        acceptor.setDaemon(true);
        acceptor.start();
        return server;
    }
}
