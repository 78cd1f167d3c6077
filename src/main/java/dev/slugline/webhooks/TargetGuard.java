package dev.slugline.webhooks;

import jakarta.enterprise.context.ApplicationScoped;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Server-side request forgery guard: webhook targets must be public http(s) addresses unless allowed by config.
 * {@link #check} resolves the host once and returns the address it checked; deliveries connect to exactly that
 * address (no second DNS lookup, so no DNS-rebinding window between the check and the connection).
 */
@ApplicationScoped
public class TargetGuard {

    private static final String AMBIGUOUS = "has an ambiguous IPv4 address (leading zeros, octal, hexadecimal or"
            + " short forms, read differently by different parsers); write it as four decimal numbers such as 192.168.1.1";

    private final WebhookConfig config;
    private final HostResolver resolver;

    public TargetGuard(WebhookConfig config, HostResolver resolver) {
        this.config = config;
        this.resolver = resolver;
    }

    /** A URL that may be a target, with the one address its host resolved to when it was checked. */
    public record Target(URI uri, InetAddress address) {

        public boolean tls() {
            return uri.getScheme().equalsIgnoreCase("https");
        }

        public int port() {
            return uri.getPort() != -1 ? uri.getPort() : tls() ? 443 : 80;
        }

        /** The host as the URL names it: for the Host header, TLS SNI and certificate checks. */
        public String host() {
            return uri.getHost();
        }

        /** Path and query as sent on the request line ({@code /} when the URL has no path). */
        public String pathAndQuery() {
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        }
    }

    /** Why a URL may not be a target. */
    public static class Refused extends Exception {
        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    /** Why the URL may not be a target, or empty when it may. Resolves the host name. */
    public Optional<String> refusal(String url) {
        try {
            check(url);
            return Optional.empty();
        } catch (Refused e) {
            return Optional.of(e.getMessage());
        }
    }

    /**
     * The target to connect to: the URL's host resolved once, every address checked, the first one kept. A host in
     * {@code slugline.webhooks.allowed-private-hosts} is resolved and kept the same way, without the address check.
     */
    public Target check(String url) throws Refused {
        URI uri;
        try {
            uri = new URI(url);
        } catch (Exception e) {
            throw new Refused("is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new Refused("must be an http or https URL");
        }
        String host = uri.getHost();
        if ((host == null || host.isBlank()) && uri.getRawAuthority() != null) {
            // java.net.URI reads no host from 127.1 or 0x7f.1 (a last label that is a number); browsers and
            // resolvers read an IPv4 address
            String authority = uri.getRawAuthority().replaceFirst("^.*@", "").replaceFirst(":[0-9]*$", "");
            if (looksLikeIpv4(authority)) {
                throw new Refused(AMBIGUOUS);
            }
        }
        if (host == null || host.isBlank()) {
            throw new Refused("has no host");
        }
        if (uri.getUserInfo() != null) {
            throw new Refused("must not carry credentials");
        }
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (!host.startsWith("[") && looksLikeIpv4(bare) && !isCanonicalIpv4(bare)) {
            throw new Refused(AMBIGUOUS);
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(bare);
        } catch (UnknownHostException e) {
            throw new Refused("has a host that does not resolve");
        }
        if (addresses.length == 0) {
            throw new Refused("has a host that does not resolve");
        }
        List<String> allowed = config.allowedPrivateHosts().orElse(List.of());
        if (allowed.stream().noneMatch(a -> a.equalsIgnoreCase(bare))) {
            for (InetAddress address : addresses) {
                if (isDocumentation(address)) {
                    throw new Refused("points to a documentation address (" + address.getHostAddress()
                            + "), which is never a real target");
                }
                if (isPrivate(address)) {
                    throw new Refused("points to a loopback, link-local or private address (" + address.getHostAddress()
                            + "), which webhooks may not reach");
                }
            }
        }
        return new Target(uri, addresses[0]);
    }

    /**
     * Loopback, link-local, private, shared, reserved or multicast: not a webhook target. An IPv6 address that carries
     * an IPv4 address (see {@link #embeddedIpv4}) is judged by that IPv4 address, since a gateway delivers it there.
     */
    static boolean isPrivate(InetAddress address) {
        Optional<Inet4Address> embedded = embeddedIpv4(address);
        if (embedded.isPresent()) {
            return isPrivate(embedded.get());
        }
        if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            return (b[0] & 0xfe) == 0xfc // fc00::/7 unique local
                    || (b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0xc0 // fec0::/10 site-local (deprecated)
                    || allZeroUpTo(b, 15) && (b[15] & 0xff) <= 1; // :: and ::1 (also when not caught above)
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return first == 0                                   // 0.0.0.0/8
                || first == 10 || first == 127              // private, loopback
                || (first == 100 && second >= 64 && second < 128) // 100.64.0.0/10 carrier-grade NAT
                || (first == 169 && second == 254)          // link-local (cloud metadata)
                || (first == 172 && second >= 16 && second < 32) || (first == 192 && second == 168)
                || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // 192.0.0.0/24 protocol assignments
                || (first == 198 && (second == 18 || second == 19)) // 198.18.0.0/15 benchmarking
                || first >= 224;                               // multicast, reserved, broadcast
    }

    /** The documentation ranges (RFC 5737, RFC 3849), also when carried inside an IPv6 address. */
    static boolean isDocumentation(InetAddress address) {
        Optional<Inet4Address> embedded = embeddedIpv4(address);
        if (embedded.isPresent()) {
            return isDocumentation(embedded.get());
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            return (b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8;
        }
        int a = b[0] & 0xff, c = b[1] & 0xff, d = b[2] & 0xff;
        return (a == 192 && c == 0 && d == 2) || (a == 198 && c == 51 && d == 100) || (a == 203 && c == 0 && d == 113);
    }

    /**
     * The IPv4 address an IPv6 address leads to through a translator or tunnel: IPv4-mapped {@code ::ffff:a.b.c.d}
     * and translated {@code ::ffff:0:a.b.c.d}, IPv4-compatible {@code ::a.b.c.d}, NAT64 {@code 64:ff9b::/96} and
     * {@code 64:ff9b:1::/48}, 6to4 {@code 2002::/16} (bits 16-47) and Teredo {@code 2001::/32} (the client's address,
     * the last 32 bits inverted). Empty for an IPv4 address or any other IPv6 address.
     */
    static Optional<Inet4Address> embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return Optional.empty();
        }
        byte[] b = address.getAddress();
        int w0 = word(b, 0), w1 = word(b, 1);
        if (allZeroUpTo(b, 10) && word(b, 5) == 0xffff) {
            return v4(b, 12, false);                                      // ::ffff:a.b.c.d
        }
        if (allZeroUpTo(b, 8) && word(b, 4) == 0xffff && word(b, 5) == 0) {
            return v4(b, 12, false);                                      // ::ffff:0:a.b.c.d
        }
        if (allZeroUpTo(b, 12) && !(allZeroUpTo(b, 15) && (b[15] & 0xff) <= 1)) {
            return v4(b, 12, false);                                      // ::a.b.c.d (not :: or ::1)
        }
        if (w0 == 0x64 && w1 == 0xff9b && allZeroBetween(b, 4, 12)) {
            return v4(b, 12, false);                                      // 64:ff9b::/96
        }
        if (w0 == 0x64 && w1 == 0xff9b && word(b, 2) == 1) {
            return v4(b, 12, false);                                      // 64:ff9b:1::/48: local use, v4 last
        }
        if (w0 == 0x2002) {
            return v4(b, 2, false);                                       // 6to4
        }
        if (w0 == 0x2001 && w1 == 0) {
            return v4(b, 12, true);                                       // Teredo client
        }
        return Optional.empty();
    }

    private static int word(byte[] b, int i) {
        return (b[2 * i] & 0xff) << 8 | (b[2 * i + 1] & 0xff);
    }

    private static boolean allZeroUpTo(byte[] b, int end) {
        return allZeroBetween(b, 0, end);
    }

    private static boolean allZeroBetween(byte[] b, int from, int end) {
        for (int i = from; i < end; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static Optional<Inet4Address> v4(byte[] b, int from, boolean inverted) {
        byte[] v4 = new byte[4];
        for (int i = 0; i < 4; i++) {
            v4[i] = (byte) (inverted ? ~b[from + i] : b[from + i]);
        }
        try {
            return Optional.of((Inet4Address) InetAddress.getByAddress(v4));
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /**
     * A host that a URL parser or resolver may read as an IPv4 address: its last label is a number (decimal, or
     * {@code 0x} hexadecimal), as browsers decide. Such hosts are never DNS names.
     */
    static boolean looksLikeIpv4(String host) {
        String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        String last = h.substring(h.lastIndexOf('.') + 1);
        return last.matches("[0-9]+") || last.matches("(?i)0x[0-9a-f]*");
    }

    /** Four decimal numbers 0-255 without leading zeros: the only IPv4 form taken, read the same everywhere. */
    static boolean isCanonicalIpv4(String host) {
        return host.matches("((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");
    }
}
