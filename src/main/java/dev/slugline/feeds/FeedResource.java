package dev.slugline.feeds;

import dev.slugline.common.errors.Problem;
import dev.slugline.common.http.CachedReads;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The site's feeds, per tag and per category too, and its sitemap; links are absolute, to {@code slugline.site.url}. */
@Path("/")
@Tag(name = "feeds", description = "RSS 2.0, Atom 1.0, JSON Feed 1.1 and the sitemap")
public class FeedResource {

    static final String RSS = "application/rss+xml";
    static final String ATOM = "application/atom+xml";
    static final String JSON_FEED = "application/feed+json";
    static final String XML = "application/xml";

    private final FeedService feeds;
    private final CachedReads cachedReads;

    public FeedResource(FeedService feeds, CachedReads cachedReads) {
        this.feeds = feeds;
        this.cachedReads = cachedReads;
    }

    @GET
    @Path("feeds/rss.xml")
    @Produces(RSS)
    @Operation(operationId = "getRssFeed", summary = "RSS 2.0 feed of the 20 newest public posts, with their full HTML")
    @APIResponse(responseCode = "200", description = "The feed", content = @Content(mediaType = RSS))
    @APIResponse(responseCode = "304", description = "Unchanged since the If-None-Match ETag or If-Modified-Since date")
    public Response rss(@Context UriInfo uri, @Context Request request) {
        return feed(FeedService.Scope.ALL, FeedService.Format.RSS, RSS, uri, request);
    }

    @GET
    @Path("feeds/atom.xml")
    @Produces(ATOM)
    @Operation(operationId = "getAtomFeed", summary = "Atom 1.0 feed of the 20 newest public posts, with their full HTML")
    @APIResponse(responseCode = "200", description = "The feed", content = @Content(mediaType = ATOM))
    @APIResponse(responseCode = "304", description = "Unchanged since the If-None-Match ETag or If-Modified-Since date")
    public Response atom(@Context UriInfo uri, @Context Request request) {
        return feed(FeedService.Scope.ALL, FeedService.Format.ATOM, ATOM, uri, request);
    }

    @GET
    @Path("feeds/feed.json")
    @Produces(JSON_FEED)
    @Operation(operationId = "getJsonFeed", summary = "JSON Feed 1.1 of the 20 newest public posts, with their full HTML")
    @APIResponse(responseCode = "200", description = "The feed", content = @Content(mediaType = JSON_FEED))
    @APIResponse(responseCode = "304", description = "Unchanged since the If-None-Match ETag or If-Modified-Since date")
    public Response json(@Context UriInfo uri, @Context Request request) {
        return feed(FeedService.Scope.ALL, FeedService.Format.JSON, JSON_FEED, uri, request);
    }

    @GET
    @Path("feeds/{kind:tags|categories|authors}/{slug}/{file:rss\\.xml|atom\\.xml|feed\\.json}")
    @Produces({RSS, ATOM, JSON_FEED})
    @Operation(operationId = "getTermFeed", summary = "The feeds of one tag, category or author: rss.xml, atom.xml or feed.json")
    @APIResponse(responseCode = "200", description = "The feed")
    @APIResponse(responseCode = "304", description = "Unchanged since the If-None-Match ETag or If-Modified-Since date")
    @APIResponse(responseCode = "404", description = "No public tag, category or author with this slug",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response termFeed(@PathParam("kind") String kind, @PathParam("slug") String slug,
                             @PathParam("file") String file, @Context UriInfo uri, @Context Request request) {
        // the post list's parameter: tags → tag, categories → category, authors → author
        String parameter = kind.equals("categories") ? "category" : kind.substring(0, kind.length() - 1);
        FeedService.Scope scope = new FeedService.Scope(parameter, slug);
        return switch (file) {
            case "rss.xml" -> feed(scope, FeedService.Format.RSS, RSS, uri, request);
            case "atom.xml" -> feed(scope, FeedService.Format.ATOM, ATOM, uri, request);
            default -> feed(scope, FeedService.Format.JSON, JSON_FEED, uri, request);
        };
    }

    @GET
    @Path("sitemap.xml")
    @Produces(XML)
    @Operation(operationId = "getSitemap", summary = "Sitemap of the home page and every public post and page")
    @APIResponse(responseCode = "200", description = "The sitemap", content = @Content(mediaType = XML))
    @APIResponse(responseCode = "304", description = "Unchanged since the If-None-Match ETag or If-Modified-Since date")
    public Response sitemap(@Context UriInfo uri, @Context Request request) {
        return cachedReads.get(request, uri, XML + ";charset=UTF-8", () -> Response.ok(feeds.sitemap()).build());
    }

    private Response feed(FeedService.Scope scope, FeedService.Format format, String mediaType, UriInfo uri,
                          Request request) {
        String path = uri.getPath();
        return cachedReads.get(request, uri, mediaType + ";charset=UTF-8",
                () -> Response.ok(feeds.feed(scope, format, path)).build());
    }
}
