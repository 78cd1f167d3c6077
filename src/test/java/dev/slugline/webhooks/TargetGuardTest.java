package dev.slugline.webhooks;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The webhook target classifier, literal by literal (no DNS: every host here is an address literal). */
class TargetGuardTest {

    /** As in tests: 127.0.0.1 is allowed by its literal, no other form of it. */
    private final TargetGuard guard = new TargetGuard(new Config(List.of("127.0.0.1")), new HostResolver());

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            http://93.184.215.14/hook                | ok
            https://[2606:4700:4700::1111]/hook      | ok
            http://127.0.0.1:8080/hook               | ok
            http://10.0.0.5/                         | private
            http://169.254.169.254/latest/meta-data  | private
            http://[::1]/                            | private
            http://[64:ff9b::7f00:1]/                | private
            http://[64:ff9b::a9fe:a9fe]/             | private
            http://[64:ff9b::5db8:d70e]/             | ok
            http://[64:ff9b:1::7f00:1]/              | private
            http://[64:ff9b:1:2:3::a00:5]/           | private
            http://[2002:7f00:1::]/                  | private
            http://[2002:a9fe:a9fe::1]/              | private
            http://[2002:5db8:d70e::1]/              | ok
            http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/ | private
            http://[2001:0:4136:e378:8000:63bf:a247:28f1]/ | ok
            http://[::127.0.0.1]/                    | private
            http://[::7f00:1]/                       | private
            http://[::ffff:127.0.0.1]/               | private
            http://[::ffff:0:127.0.0.1]/             | private
            http://[::ffff:0:a00:5]/                 | private
            http://[::ffff:10.0.0.5]/                | private
            http://0177.0.0.1/                       | ambiguous
            http://0x7f.1/                           | ambiguous
            http://0x7f000001/                       | ambiguous
            http://2130706433/                       | ambiguous
            http://127.1/                            | ambiguous
            http://127.0.0.01/                       | ambiguous
            http://192.0.2.10/                       | documentation
            http://198.51.100.7/                     | documentation
            http://203.0.113.7/                      | documentation
            http://[2001:db8::1]/                    | documentation
            http://[64:ff9b::c000:20a]/              | documentation
            http://100.64.0.1/                       | private
            http://0.0.0.0/                          | private
            http://255.255.255.255/                  | private
            http://[fd00::1]/                        | private
            http://[fe80::1]/                        | private
            """)
    void classifies(String url, String expected) {
        Optional<String> refusal = guard.refusal(url);
        switch (expected) {
            case "ok" -> assertThat(refusal).as(url).isEmpty();
            case "private" -> assertThat(refusal).as(url).hasValueSatisfying(r -> assertThat(r).contains("private"));
            case "ambiguous" -> assertThat(refusal).as(url).hasValueSatisfying(r -> assertThat(r).contains("ambiguous"));
            case "documentation" -> assertThat(refusal).as(url).hasValueSatisfying(r -> assertThat(r).contains("documentation"));
            default -> throw new IllegalArgumentException(expected);
        }
    }

    @ParameterizedTest(name = "{0} carries {1}")
    @CsvSource(delimiter = '|', textBlock = """
            64:ff9b::7f00:1                          | 127.0.0.1
            64:ff9b:1:ffff::a00:5                    | 10.0.0.5
            2002:7f00:1::                            | 127.0.0.1
            2001:0:4136:e378:8000:63bf:3fff:fdd2     | 192.0.2.45
            ::127.0.0.1                              | 127.0.0.1
            ::ffff:0:a9fe:a9fe                       | 169.254.169.254
            """)
    void decodesTheEmbeddedIpv4Address(String ipv6, String ipv4) throws Exception {
        var address = java.net.Inet6Address.getByAddress(null, java.net.InetAddress.getByName(ipv6).getAddress(), null);
        assertThat(TargetGuard.embeddedIpv4(address)).map(a -> a.getHostAddress()).hasValue(ipv4);
    }

    private record Config(List<String> allowed) implements WebhookConfig {
        public String pollInterval() { return "2s"; }
        public int batchSize() { return 10; }
        public int maxAttempts() { return 8; }
        public Duration initialBackoff() { return Duration.ofSeconds(10); }
        public Duration maxBackoff() { return Duration.ofHours(1); }
        public Duration timeout() { return Duration.ofSeconds(5); }
        public Optional<List<String>> allowedPrivateHosts() { return Optional.of(allowed); }
    }
}
