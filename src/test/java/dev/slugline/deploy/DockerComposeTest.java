package dev.slugline.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No Docker engine runs here, so docker-compose.yml, the nginx config and the Dockerfile are kept correct by reading
 * them: services, ports and environment variables must match what the application reads.
 */
class DockerComposeTest {

    private static JsonNode compose;
    private static Properties properties;
    private static String nginx;

    @BeforeAll
    static void read() throws IOException {
        compose = new ObjectMapper(new YAMLFactory()).readTree(Path.of("docker-compose.yml").toFile());
        properties = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
            properties.load(in);
        }
        nginx = Files.readString(Path.of("src/main/docker/nginx/nginx.conf"));
    }

    @Test
    void runsPostgresTwoInstancesAndALoadBalancer() {
        assertThat(names(compose.get("services"))).containsExactlyInAnyOrder("postgres", "slugline-1", "slugline-2", "nginx");
        assertThat(compose.at("/services/slugline-1/build/dockerfile").asText()).isEqualTo("src/main/docker/Dockerfile.jvm");
        assertThat(Files.exists(Path.of(compose.at("/services/slugline-1/build/dockerfile").asText()))).isTrue();
        assertThat(compose.at("/services/slugline-2/image").asText()).isEqualTo(compose.at("/services/slugline-1/image").asText());
        // Only the balancer is published; the instances are reached through it
        assertThat(text(compose.at("/services/nginx/ports"))).containsExactly("8080:80");
        assertThat(compose.at("/services/slugline-1/ports").isMissingNode()).isTrue();
        assertThat(compose.at("/services/slugline-2/ports").isMissingNode()).isTrue();
    }

    @Test
    void everyInstanceVariableIsOneTheApplicationReads() {
        for (String service : List.of("slugline-1", "slugline-2")) {
            JsonNode env = compose.at("/services/" + service + "/environment");
            assertThat(names(env)).contains("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME",
                    "QUARKUS_DATASOURCE_PASSWORD");
            for (String variable : names(env)) {
                assertThat(readByApplication(variable)).as("%s of %s is read by the application", variable, service).isTrue();
            }
            String port = env.get("PORT").asText();
            assertThat(text(compose.at("/services/" + service + "/expose"))).containsExactly(port);
            assertThat(compose.at("/services/" + service + "/healthcheck/test/1").asText())
                    .contains("localhost:" + port + "/q/health/ready");
        }
    }

    @Test
    void instancesUseTheComposeDatabase() {
        JsonNode db = compose.at("/services/postgres/environment");
        JsonNode env = compose.at("/services/slugline-1/environment");
        assertThat(env.get("QUARKUS_DATASOURCE_JDBC_URL").asText())
                .isEqualTo("jdbc:postgresql://postgres:5432/" + db.get("POSTGRES_DB").asText());
        assertThat(env.get("QUARKUS_DATASOURCE_USERNAME").asText()).isEqualTo(db.get("POSTGRES_USER").asText());
        assertThat(env.get("QUARKUS_DATASOURCE_PASSWORD").asText()).isEqualTo(db.get("POSTGRES_PASSWORD").asText());
        assertThat(text(compose.at("/services/slugline-1/depends_on").path("postgres").path("condition")))
                .containsExactly("service_healthy");
    }

    @Test
    void nginxBalancesOverBothInstancesOnTheirPort() {
        Matcher servers = Pattern.compile("(?m)^\\s*server\\s+([a-z0-9-]+):(\\d+)").matcher(nginx);
        Set<String> upstreams = new HashSet<>();
        while (servers.find()) {
            upstreams.add(servers.group(1));
            assertThat(servers.group(2)).isEqualTo(compose.at("/services/" + servers.group(1) + "/environment/PORT").asText());
        }
        assertThat(upstreams).containsExactlyInAnyOrder("slugline-1", "slugline-2");
        assertThat(nginx).contains("listen 80;");
        String mount = text(compose.at("/services/nginx/volumes")).get(0);
        assertThat(mount).endsWith(":/etc/nginx/nginx.conf:ro");
        assertThat(Path.of(mount.substring(0, mount.indexOf(':')))).exists();
        // nginx must let through what Slugline accepts, so the 413 problem is Slugline's
        long nginxLimit = Long.parseLong(match("client_max_body_size (\\d+)m;", nginx)) * 1024 * 1024;
        long appLimit = Long.parseLong(match("(\\d+)M", properties.getProperty("quarkus.http.limits.max-body-size"))) * 1024 * 1024;
        assertThat(nginxLimit).isGreaterThan(appLimit);
    }

    @Test
    void imageRunsAsNonRootWithAHealthCheck() throws IOException {
        String dockerfile = Files.readString(Path.of("src/main/docker/Dockerfile.jvm"));
        String user = match("(?m)^USER (\\S+)", dockerfile);
        assertThat(user).isNotIn("root", "0");
        assertThat(dockerfile).contains("HEALTHCHECK").contains("/q/health/ready").contains("EXPOSE 8080");
    }

    @Test
    void readmeAndStartupBenchRunTheJarAsTheImageDoes() throws IOException {
        String dockerfile = Files.readString(Path.of("src/main/docker/Dockerfile.jvm"));
        String options = match("(?m)^ENV JAVA_OPTS=\"([^\"]+)\"$", dockerfile);
        assertThat(options).contains("-XX:SharedArchiveFile=app-cds.jsa");
        // the image records the archive its options load, with its own JVM, and starts the jar with those options
        assertThat(dockerfile).contains("-XX:ArchiveClassesAtExit=app-cds.jsa -Dquarkus.appcds.generate=true")
                .contains("exec java $JAVA_OPTS -jar quarkus-run.jar");
        assertThat(Files.readString(Path.of("README.md"))).contains("java " + options + " -jar quarkus-run.jar");
        assertThat(Files.readString(Path.of("bench/startup.sh"))).contains("src/main/docker/Dockerfile.jvm");
        assertThat(properties.getProperty("quarkus.package.jar.appcds.enabled")).isEqualTo("true");
    }

    /** An environment variable the application reads: a property of application.properties, or a ${VAR} in it. */
    private static boolean readByApplication(String variable) {
        if (variable.equals("QUARKUS_DATASOURCE_JDBC_URL")) {
            return true; // deliberately unset in application.properties: without it an embedded PostgreSQL starts
        }
        for (String key : properties.stringPropertyNames()) {
            String unprofiled = key.replaceFirst("^%[a-z]+\\.", "");
            if (unprofiled.toUpperCase().replaceAll("[^A-Z0-9]", "_").equals(variable)) {
                return true;
            }
            if (properties.getProperty(key).contains("${" + variable + ":") || properties.getProperty(key).contains("${" + variable + "}")) {
                return true;
            }
        }
        return false;
    }

    private static String match(String regex, String text) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("%s in %s", regex, text).isTrue();
        return m.group(1);
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    private static List<String> text(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> values.add(n.asText()));
        } else if (!node.isMissingNode()) {
            values.add(node.asText());
        }
        return values;
    }
}
