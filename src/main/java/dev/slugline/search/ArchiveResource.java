package dev.slugline.search;

import dev.slugline.common.http.CachedReads;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/archive")
@Tag(name = "posts", description = "Markdown posts, served with their HTML")
@Produces(MediaType.APPLICATION_JSON)
public class ArchiveResource {

    private final SearchService search;
    private final CachedReads cachedReads;

    public ArchiveResource(SearchService search, CachedReads cachedReads) {
        this.search = search;
        this.cachedReads = cachedReads;
    }

    @GET
    @Operation(operationId = "getArchive", summary = "Counts public posts per year and month, for archive pages",
            description = "Months are those of the date as written (in its own offset); list them with "
                    + "GET /api/posts?year=2024&month=4")
    @APIResponse(responseCode = "200", description = "Years and months, newest first",
            headers = @Header(name = HttpHeaders.ETAG, description = "Changes with any visible change"),
            content = @Content(schema = @Schema(implementation = Archive.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the If-None-Match ETag or If-Modified-Since date")
    public Response archive(@Context UriInfo uri, @Context Request request) {
        return cachedReads.get(request, uri, MediaType.APPLICATION_JSON, () -> Response.ok(search.archive()).build());
    }
}
