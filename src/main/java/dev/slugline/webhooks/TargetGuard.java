package dev.slugline.webhooks;

import jakarta.enterprise.context.ApplicationScoped;

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
        if (host == null || host.isBlank()) {
            throw new Refused("has no host");
        }
        if (uri.getUserInfo() != null) {
            throw new Refused("must not carry credentials");
        }
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
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
                if (isPrivate(address)) {
                    throw new Refused("points to a loopback, link-local or private address (" + address.getHostAddress()
                            + "), which webhooks may not reach");
                }
            }
        }
        return new Target(uri, addresses[0]);
    }

    static boolean isPrivate(InetAddress address) {
        if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            return (b[0] & 0xfe) == 0xfc; // fc00::/7 unique local
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return first == 0                                   // 0.0.0.0/8
                || (first == 100 && second >= 64 && second < 128) // 100.64.0.0/10 carrier-grade NAT
                || (first == 198 && (second == 18 || second == 19)) // 198.18.0.0/15 benchmarking
                || first >= 240;                               // reserved, broadcast
    }
}
