package dev.slugline.taxonomy;

import dev.slugline.common.errors.Problem;
import dev.slugline.common.paging.PagedResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api")
@Tag(name = "taxonomy", description = "Categories and tags")
@Produces(MediaType.APPLICATION_JSON)
public class TaxonomyResource {

    private final TaxonomyService taxonomy;

    public TaxonomyResource(TaxonomyService taxonomy) {
        this.taxonomy = taxonomy;
    }

    @GET
    @Path("/categories")
    @Operation(summary = "Lists categories by name, each with its number of published posts")
    @APIResponse(responseCode = "200", description = "A page of categories",
            headers = @Header(name = PagedResponse.TOTAL_COUNT, description = "Categories on all pages"),
            content = @Content(schema = @Schema(implementation = TermPage.class)))
    @APIResponse(responseCode = "400", description = "Page or size out of range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response categories(@Parameter(description = "Page number, from 1", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "1")) @QueryParam("page") String page,
                               @Parameter(description = "Page size, 1 to the configured maximum (100)", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "10")) @QueryParam("size") String size,
                               @Context UriInfo uri) {
        return PagedResponse.ok(taxonomy.listCategories(page, size), uri);
    }

    @GET
    @Path("/tags")
    @Operation(summary = "Lists tags by name, each with its number of published posts")
    @APIResponse(responseCode = "200", description = "A page of tags",
            headers = @Header(name = PagedResponse.TOTAL_COUNT, description = "Tags on all pages"),
            content = @Content(schema = @Schema(implementation = TermPage.class)))
    @APIResponse(responseCode = "400", description = "Page or size out of range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response tags(@Parameter(description = "Page number, from 1", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "1")) @QueryParam("page") String page,
                         @Parameter(description = "Page size, 1 to the configured maximum (100)", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "10")) @QueryParam("size") String size,
                         @Context UriInfo uri) {
        return PagedResponse.ok(taxonomy.listTags(page, size), uri);
    }

    /** For the OpenAPI document only: a page of terms. */
    @Schema(name = "TermPage")
    record TermPage(@Schema(type = SchemaType.ARRAY, implementation = TermView.class) java.util.List<TermView> items,
                    int page, int size, long totalItems, int totalPages) {
    }
}
