package dev.slugline.posts;

import dev.slugline.common.errors.Problem;
import dev.slugline.common.http.CachedReads;
import dev.slugline.search.ListingResponse;
import dev.slugline.search.PostListing;
import dev.slugline.search.PostQuery;
import dev.slugline.search.SearchService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.temporal.ChronoUnit;
import java.util.Date;

@Path("/api/pages")
@Tag(name = "pages", description = "Standalone pages (About, Contact): posts with `type: page`, in no list or feed of posts")
@Produces(MediaType.APPLICATION_JSON)
public class PageResource {

    private final Pages pages;
    private final SearchService search;
    private final CachedReads cachedReads;

    public PageResource(Pages pages, SearchService search, CachedReads cachedReads) {
        this.pages = pages;
        this.search = search;
        this.cachedReads = cachedReads;
    }

    @GET
    @Operation(operationId = "listPages", summary = "Lists public pages; the same parameters as GET /api/posts (sort=title for a menu)")
    @APIResponse(responseCode = "200", description = "A page of pages",
            content = @Content(schema = @Schema(implementation = PostListing.class)))
    @APIResponse(responseCode = "400", description = "A parameter that is not understood",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response list(@Context UriInfo uri, @Context Request request) {
        PostQuery query = search.parse(uri.getQueryParameters()).forPages();
        return cachedReads.get(request, uri, MediaType.APPLICATION_JSON, () -> ListingResponse.ok(search.list(query), uri));
    }

    @GET
    @Path("/{slug}")
    @Operation(operationId = "getPage", summary = "Returns one public page with its rendered HTML",
            description = "Edit it through /api/posts/{slug} with this ETag in If-Match, as any post.")
    @APIResponse(responseCode = "200", description = "The page", content = @Content(schema = @Schema(implementation = PostView.class)))
    @APIResponse(responseCode = "404", description = "No public page with this slug",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("slug") String slug, @Context UriInfo uri, @Context Request request) {
        return cachedReads.getWithOwnValidators(request, uri, MediaType.APPLICATION_JSON, () -> {
            PostView page = pages.read(slug);
            return Response.ok(page).tag(EntityTag.valueOf(page.etag()))
                    .lastModified(Date.from(page.updatedAt().toInstant().truncatedTo(ChronoUnit.SECONDS))).build();
        });
    }
}
