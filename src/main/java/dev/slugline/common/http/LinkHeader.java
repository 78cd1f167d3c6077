package dev.slugline.common.http;

import java.net.URI;

/**
 * One RFC 8288 {@code Link} header value built from content: the target URI as US-ASCII inside {@code <>}, the
 * relation, and a title as RFC 8187 {@code title*=UTF-8''…} (plus a plain {@code title="…"} only when the title
 * is printable ASCII without quotes or backslashes). Nothing of a title or slug can end the header or a parameter.
 */
public final class LinkHeader {

    public static final String NAME = "Link";

    private LinkHeader() {
    }

    /** {@code <uri>; rel="rel"; title="…"; title*=UTF-8''…}; {@code title} may be null (left out). */
    public static String of(URI target, String rel, String title) {
        StringBuilder value = new StringBuilder("<").append(target.toASCIIString()).append(">; rel=\"")
                .append(HeaderValues.text(rel)).append('"');
        if (title != null) {
            if (HeaderValues.isPlainQuotable(title)) {
                value.append("; title=\"").append(title).append('"');
            }
            value.append("; title*=").append(HeaderValues.extendedValue(title));
        }
        return value.toString();
    }

    /** The URI of a resource under {@code base} whose last path segment is {@code segment} (a slug), encoded. */
    public static URI child(URI base, String path, String segment) {
        String root = base.toASCIIString();
        return URI.create(root + (root.endsWith("/") ? "" : "/") + path + "/" + HeaderValues.pathSegment(segment));
    }
}
