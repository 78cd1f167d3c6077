package dev.slugline.posts;

import dev.slugline.common.errors.Problem;
import dev.slugline.common.paging.PagedResponse;
import dev.slugline.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/trash")
@Tag(name = "trash", description = "Deleted posts, restorable for slugline.editing.trash-retention")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.EDITOR, Roles.AUTHOR})
public class TrashResource {

    private final PostService posts;

    public TrashResource(PostService posts) {
        this.posts = posts;
    }

    @GET
    @Operation(operationId = "listTrash", summary = "Lists deleted posts, most recently deleted first")
    @APIResponse(responseCode = "200", description = "A page of deleted posts",
            content = @Content(schema = @Schema(implementation = TrashPage.class)))
    public Response list(@QueryParam("page") String page, @QueryParam("size") String size, @Context UriInfo uri) {
        return PagedResponse.ok(posts.listTrash(page, size), uri);
    }

    @POST
    @Path("/{slug}/restore")
    @Operation(operationId = "restoreFromTrash", summary = "Brings a deleted post back, with its status, history and slug",
            description = "Needs the header `If-Match`: the `etag` field of the post's item in `GET /api/trash` (or `*`). "
                    + "A missing `If-Match` is a 428, another version a 412.")
    @APIResponse(responseCode = "200", description = "The restored post",
            headers = @Header(name = HttpHeaders.ETAG, description = "The post's ETag"),
            content = @Content(schema = @Schema(implementation = PostView.class)))
    @APIResponse(responseCode = "404", description = "No such post in the trash (or past retention)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match names another version than the deleted post's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "No If-Match",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response restore(@PathParam("slug") String slug,
                            @Parameter(description = "The etag of the trash listing (or *)")
                            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        PostView post = posts.restoreFromTrash(slug, ifMatch);
        return Response.ok(post).tag(EntityTag.valueOf(post.etag())).build();
    }

    /** The body of {@code GET /api/trash}, as the OpenAPI document names it (a {@code Page} of {@link TrashItem}). */
    @Schema(name = "TrashPage", description = "One page of deleted posts")
    record TrashPage(java.util.List<TrashItem> items,
                     @Schema(example = "1") int page, @Schema(example = "10") int size,
                     @Schema(example = "1") long totalItems, @Schema(example = "1") int totalPages) {
    }
}
