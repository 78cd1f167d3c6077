package dev.slugline.taxonomy;

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

@Path("/api")
@Tag(name = "taxonomy", description = "Categories and tags")
@Produces(MediaType.APPLICATION_JSON)
public class TaxonomyResource {

    private final TaxonomyService taxonomy;
    private final CachedReads cachedReads;

    public TaxonomyResource(TaxonomyService taxonomy, CachedReads cachedReads) {
        this.taxonomy = taxonomy;
        this.cachedReads = cachedReads;
    }

    @GET
    @Path("/categories")
    @Operation(operationId = "listCategories", summary = "Lists categories by name, each with its number of published posts")
    @APIResponse(responseCode = "200", description = "A page of categories",
            headers = @Header(name = PagedResponse.TOTAL_COUNT, description = "Categories on all pages"),
            content = @Content(schema = @Schema(implementation = TermPage.class)))
    @APIResponse(responseCode = "400", description = "Page or size out of range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response categories(@Parameter(description = "Page number, from 1", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "1")) @QueryParam("page") String page,
                               @Parameter(description = "Page size, 1 to the configured maximum (100)", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "10")) @QueryParam("size") String size,
                         @Parameter(description = "'all' (users only) includes terms that only unpublished posts carry; such answers are not cached") @QueryParam("visibility") String visibility,
                         @Context UriInfo uri, @Context Request request) {
        if (visibility != null) {
            return CachedReads.privateAnswer(PagedResponse.ok(taxonomy.listCategories(page, size, visibility), uri));
        }
        return cachedReads.get(request, uri, MediaType.APPLICATION_JSON,
                () -> PagedResponse.ok(taxonomy.listCategories(page, size), uri));
    }

    @GET
    @Path("/tags")
    @Operation(operationId = "listTags", summary = "Lists tags by name, each with its number of published posts")
    @APIResponse(responseCode = "200", description = "A page of tags",
            headers = @Header(name = PagedResponse.TOTAL_COUNT, description = "Tags on all pages"),
            content = @Content(schema = @Schema(implementation = TermPage.class)))
    @APIResponse(responseCode = "400", description = "Page or size out of range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response tags(@Parameter(description = "Page number, from 1", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "1")) @QueryParam("page") String page,
                         @Parameter(description = "Page size, 1 to the configured maximum (100)", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "10")) @QueryParam("size") String size,
                         @Parameter(description = "'all' (users only) includes terms that only unpublished posts carry; such answers are not cached") @QueryParam("visibility") String visibility,
                         @Context UriInfo uri, @Context Request request) {
        if (visibility != null) {
            return CachedReads.privateAnswer(PagedResponse.ok(taxonomy.listTags(page, size, visibility), uri));
        }
        return cachedReads.get(request, uri, MediaType.APPLICATION_JSON,
                () -> PagedResponse.ok(taxonomy.listTags(page, size), uri));
    }

    @GET
    @Path("/categories/{slug}")
    @Operation(operationId = "getCategory", summary = "Returns one category: name, description and number of public posts")
    @APIResponse(responseCode = "200", description = "The category",
            content = @Content(schema = @Schema(implementation = TermDetail.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the If-None-Match ETag or If-Modified-Since date")
    @APIResponse(responseCode = "404", description = "No category with this slug",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response category(@PathParam("slug") String slug,
                         @Parameter(description = "'all' (users only) includes terms that only unpublished posts carry; such answers are not cached") @QueryParam("visibility") String visibility,
                         @Context UriInfo uri, @Context Request request) {
        if (visibility != null) {
            return CachedReads.privateAnswer(Response.ok(taxonomy.getCategory(slug, visibility)).build());
        }
        return cachedReads.get(request, uri, MediaType.APPLICATION_JSON,
                () -> Response.ok(taxonomy.getCategory(slug)).build());
    }

    @GET
    @Path("/tags/{slug}")
    @Operation(operationId = "getTag", summary = "Returns one tag: name, description and number of public posts")
    @APIResponse(responseCode = "200", description = "The tag",
            content = @Content(schema = @Schema(implementation = TermDetail.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the If-None-Match ETag or If-Modified-Since date")
    @APIResponse(responseCode = "404", description = "No tag with this slug",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response tag(@PathParam("slug") String slug,
                         @Parameter(description = "'all' (users only) includes terms that only unpublished posts carry; such answers are not cached") @QueryParam("visibility") String visibility,
                         @Context UriInfo uri, @Context Request request) {
        if (visibility != null) {
            return CachedReads.privateAnswer(Response.ok(taxonomy.getTag(slug, visibility)).build());
        }
        return cachedReads.get(request, uri, MediaType.APPLICATION_JSON,
                () -> Response.ok(taxonomy.getTag(slug)).build());
    }

    @PATCH
    @Path("/categories/{slug}")
    @Consumes(PostResource.MERGE_PATCH)
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    @Operation(operationId = "patchCategory", summary = "Changes a category's name or description (JSON merge patch; the slug stays)",
            description = "Needs the header `If-Match`: the `ETag` response header of `GET /api/categories/{slug}` (or `*`). "
                    + "A missing `If-Match` is a 428, another one a 412; nothing is written then.")
    @RequestBody(content = @Content(mediaType = PostResource.MERGE_PATCH, schema = @Schema(implementation = TermPatch.class),
            examples = @ExampleObject(name = "describe", value = "{\"description\": \"Posts about the cloud native world\"}")))
    @APIResponse(responseCode = "200", description = "The category as stored now",
            headers = @Header(name = HttpHeaders.ETAG, description = "Its new ETag"),
            content = @Content(schema = @Schema(implementation = TermDetail.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON, an unknown field, or an invalid value",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No category with this slug",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is not the category's current ETag; nothing written",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "No If-Match",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response patchCategory(@PathParam("slug") String slug,
                                  @Parameter(description = "The ETag of GET /api/categories/{slug}, or *") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                  String body, @Context UriInfo uri) {
        TermDetail category = taxonomy.patchCategory(slug, body, ifMatch,
                () -> cachedReads.currentTag(MediaType.APPLICATION_JSON, uri));
        return Response.ok(category).tag(cachedReads.currentTag(MediaType.APPLICATION_JSON, uri)).build();
    }

    @PATCH
    @Path("/tags/{slug}")
    @Consumes(PostResource.MERGE_PATCH)
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    @Operation(operationId = "patchTag", summary = "Changes a tag's name or description (JSON merge patch; the slug stays)",
            description = "Needs the header `If-Match`: the `ETag` response header of `GET /api/tags/{slug}` (or `*`). "
                    + "A missing `If-Match` is a 428, another one a 412; nothing is written then.")
    @RequestBody(content = @Content(mediaType = PostResource.MERGE_PATCH, schema = @Schema(implementation = TermPatch.class),
            examples = @ExampleObject(name = "describe", value = "{\"description\": \"Everything about KubeCon\"}")))
    @APIResponse(responseCode = "200", description = "The tag as stored now",
            headers = @Header(name = HttpHeaders.ETAG, description = "Its new ETag"),
            content = @Content(schema = @Schema(implementation = TermDetail.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON, an unknown field, or an invalid value",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No tag with this slug",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is not the tag's current ETag; nothing written",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "No If-Match",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response patchTag(@PathParam("slug") String slug,
                             @Parameter(description = "The ETag of GET /api/tags/{slug}, or *") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                             String body, @Context UriInfo uri) {
        TermDetail tag = taxonomy.patchTag(slug, body, ifMatch, () -> cachedReads.currentTag(MediaType.APPLICATION_JSON, uri));
        return Response.ok(tag).tag(cachedReads.currentTag(MediaType.APPLICATION_JSON, uri)).build();
    }

    /** For the OpenAPI document only: the body of a term's merge patch. */
    @Schema(name = "TermPatch", description = "Keys left out keep their value; a null description removes it")
    record TermPatch(@Schema(maxLength = TermChange.MAX_NAME, example = "KubeCon") String name,
                     @Schema(maxLength = TermChange.MAX_DESCRIPTION, nullable = true) String description) {
    }

    /** For the OpenAPI document only: a page of terms. */
    @Schema(name = "TermPage")
    record TermPage(@Schema(type = SchemaType.ARRAY, implementation = TermView.class) java.util.List<TermView> items,
                    int page, int size, long totalItems, int totalPages) {
    }
}
