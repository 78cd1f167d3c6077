package dev.slugline.search;

import dev.slugline.common.paging.PagedResponse;
import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.ArrayList;
import java.util.List;

/**
 * A 200 carrying a {@link PostListing}, its total in {@code X-Total-Count} and RFC 8288 links: first, prev, next
 * and last pages when paging by number, first and next (by cursor) when paging by cursor.
 */
public final class ListingResponse {

    private ListingResponse() {
    }

    public static Response ok(PostListing listing, UriInfo uri) {
        List<Link> links = new ArrayList<>();
        if (listing.page() != null) {
            int page = listing.page();
            int last = Math.max(1, listing.totalPages());
            links.add(pageLink(uri, 1, listing.size(), "first"));
            if (page > 1) {
                links.add(pageLink(uri, Math.min(page - 1, last), listing.size(), "prev"));
            }
            if (page < last) {
                links.add(pageLink(uri, page + 1, listing.size(), "next"));
            }
            links.add(pageLink(uri, last, listing.size(), "last"));
        } else {
            links.add(Link.fromUriBuilder(uri.getRequestUriBuilder().replaceQueryParam("cursor")
                    .replaceQueryParam("page", 1)).rel("first").build());
            if (listing.next() != null) {
                links.add(Link.fromUriBuilder(uri.getRequestUriBuilder().replaceQueryParam("cursor", listing.next()))
                        .rel("next").build());
            }
        }
        return Response.ok(listing)
                .header(PagedResponse.TOTAL_COUNT, listing.totalItems())
                .links(links.toArray(Link[]::new))
                .build();
    }

    private static Link pageLink(UriInfo uri, int page, int size, String rel) {
        return Link.fromUriBuilder(uri.getRequestUriBuilder().replaceQueryParam("cursor")
                .replaceQueryParam("page", page).replaceQueryParam("size", size)).rel(rel).build();
    }
}
