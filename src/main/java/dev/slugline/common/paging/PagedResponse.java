package dev.slugline.common.paging;

import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.ArrayList;
import java.util.List;

/** A 200 carrying a page, its total in {@code X-Total-Count} and RFC 8288 links to the neighbouring pages. */
public final class PagedResponse {

    public static final String TOTAL_COUNT = "X-Total-Count";

    private PagedResponse() {
    }

    public static Response ok(Page<?> page, UriInfo uri) {
        List<Link> links = new ArrayList<>();
        int last = Math.max(1, page.totalPages());
        links.add(link(uri, 1, page.size(), "first"));
        if (page.page() > 1) {
            links.add(link(uri, Math.min(page.page() - 1, last), page.size(), "prev"));
        }
        if (page.page() < last) {
            links.add(link(uri, page.page() + 1, page.size(), "next"));
        }
        links.add(link(uri, last, page.size(), "last"));
        return Response.ok(page)
                .header(TOTAL_COUNT, page.totalItems())
                .links(links.toArray(Link[]::new))
                .build();
    }

    private static Link link(UriInfo uri, int page, int size, String rel) {
        return Link.fromUriBuilder(uri.getRequestUriBuilder()
                .replaceQueryParam("page", page)
                .replaceQueryParam("size", size)).rel(rel).build();
    }
}
