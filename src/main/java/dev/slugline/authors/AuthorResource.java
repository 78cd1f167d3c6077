package dev.slugline.authors;

import dev.slugline.common.errors.Problem;
import dev.slugline.common.http.CachedReads;
import dev.slugline.common.paging.PagedResponse;
import dev.slugline.posts.PostResource;
import dev.slugline.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/authors")
@Tag(name = "authors", description = "Who writes the posts: names, profiles and post counts (not accounts)")
@Produces(MediaType.APPLICATION_JSON)
public class AuthorResource {

    private static final String VISIBILITY = "'all' (users only) includes authors whom only unpublished posts carry; "
            + "such answers are not cached";

    private final AuthorService authors;
    private final CachedReads cachedReads;

    public AuthorResource(AuthorService authors, CachedReads cachedReads) {
        this.authors = authors;
        this.cachedReads = cachedReads;
    }

    @GET
    @Operation(operationId = "listAuthors", summary = "Lists authors by name, each with its number of published posts")
    @APIResponse(responseCode = "200", description = "A page of authors",
            headers = @Header(name = PagedResponse.TOTAL_COUNT, description = "Authors on all pages"),
            content = @Content(schema = @Schema(implementation = AuthorPage.class)))
    @APIResponse(responseCode = "400", description = "Page, size or visibility out of range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response list(@Parameter(description = "Page number, from 1", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "1")) @QueryParam("page") String page,
                         @Parameter(description = "Page size, 1 to the configured maximum (100)", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "10")) @QueryParam("size") String size,
                         @Parameter(description = VISIBILITY) @QueryParam("visibility") String visibility,
                         @Context UriInfo uri, @Context Request request) {
        if (visibility != null) {
            return CachedReads.privateAnswer(PagedResponse.ok(authors.list(page, size, visibility), uri));
        }
        return cachedReads.get(request, uri, MediaType.APPLICATION_JSON,
                () -> PagedResponse.ok(authors.list(page, size, null), uri));
    }

    @GET
    @Path("/{slug}")
    @Operation(operationId = "getAuthor", summary = "Returns one author: profile and number of public posts")
    @APIResponse(responseCode = "200", description = "The author", content = @Content(schema = @Schema(implementation = AuthorView.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the If-None-Match ETag or If-Modified-Since date")
    @APIResponse(responseCode = "404", description = "No public author with this slug",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("slug") String slug,
                        @Parameter(description = VISIBILITY) @QueryParam("visibility") String visibility,
                        @Context UriInfo uri, @Context Request request) {
        if (visibility != null) {
            return CachedReads.privateAnswer(Response.ok(authors.get(slug, visibility)).build());
        }
        return cachedReads.get(request, uri, MediaType.APPLICATION_JSON, () -> Response.ok(authors.get(slug, null)).build());
    }

    @PATCH
    @Path("/{slug}")
    @Consumes(PostResource.MERGE_PATCH)
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    @Operation(operationId = "patchAuthor", summary = "Changes an author's profile (JSON merge patch; the slug stays)",
            description = "Needs the header `If-Match`: the `ETag` response header of `GET /api/authors/{slug}` "
                    + "(or `*`). A missing `If-Match` is a 428, another one a 412; nothing is written then.")
    @RequestBody(content = @Content(mediaType = PostResource.MERGE_PATCH, schema = @Schema(implementation = AuthorPatch.class),
            examples = @ExampleObject(name = "profile", value = "{\"name\": \"Alice Martin\", \"bio\": \"Writes about Kubernetes\","
                    + " \"website\": \"https://alice.example\", \"profileImage\": \"/api/media/authors/alice.jpg\"}")))
    @APIResponse(responseCode = "200", description = "The author as stored now",
            headers = @Header(name = HttpHeaders.ETAG, description = "Its new ETag"),
            content = @Content(schema = @Schema(implementation = AuthorView.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON, an unknown field, or an invalid value",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No author with this slug",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is not the author's current ETag; nothing written",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "No If-Match",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response patch(@PathParam("slug") String slug,
                          @Parameter(description = "The ETag of GET /api/authors/{slug}, or *") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                          String body, @Context UriInfo uri) {
        AuthorView author = authors.patch(slug, body, ifMatch, () -> cachedReads.currentTag(MediaType.APPLICATION_JSON, uri));
        return Response.ok(author).tag(cachedReads.currentTag(MediaType.APPLICATION_JSON, uri)).build();
    }

    /** For the OpenAPI document only: the body of an author's merge patch. */
    @Schema(name = "AuthorPatch", description = "Keys left out keep their value; null removes one (not the name)")
    record AuthorPatch(@Schema(maxLength = 200, example = "Alice Martin") String name,
                       @Schema(maxLength = 2000, nullable = true) String bio,
                       @Schema(maxLength = 2000, nullable = true, description = "http(s) URL or a path on this site") String profileImage,
                       @Schema(maxLength = 2000, nullable = true, description = "http(s) URL or a path on this site") String coverImage,
                       @Schema(maxLength = 2000, nullable = true, description = "http(s) URL") String website,
                       @Schema(maxLength = 200, nullable = true) String location) {
    }

    /** For the OpenAPI document only: a page of authors. */
    @Schema(name = "AuthorPage")
    record AuthorPage(@Schema(type = SchemaType.ARRAY, implementation = AuthorView.class) java.util.List<AuthorView> items,
                      int page, int size, long totalItems, int totalPages) {
    }
}
