package dev.slugline.posts;

import dev.slugline.common.errors.Problem;
import dev.slugline.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/posts/{slug}/revisions")
@Tag(name = "revisions", description = "Every change to a post: who, when, the whole content")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.EDITOR, Roles.AUTHOR, Roles.READER})
public class PostRevisionResource {

    private final PostService posts;

    public PostRevisionResource(PostService posts) {
        this.posts = posts;
    }

    @GET
    @Operation(operationId = "listRevisions", summary = "Lists a post's revisions, newest first, without their content")
    @APIResponse(responseCode = "200", description = "The revisions")
    @APIResponse(responseCode = "404", description = "No post with this slug",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<RevisionView> list(@PathParam("slug") String slug) {
        return posts.listRevisions(slug);
    }

    @GET
    @Path("/{number}")
    @Operation(operationId = "getRevision", summary = "Returns one revision with the whole post as it was")
    @APIResponse(responseCode = "200", description = "The revision")
    @APIResponse(responseCode = "404", description = "No such post or revision",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RevisionView get(@PathParam("slug") String slug, @PathParam("number") int number) {
        return posts.getRevision(slug, number);
    }

    @GET
    @Path("/diff")
    @Operation(operationId = "diffRevisions", summary = "What changed between two revisions: fields, and the Markdown line by line")
    @APIResponse(responseCode = "200", description = "The difference")
    @APIResponse(responseCode = "400", description = "from or to missing or not a number",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such post or revision",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RevisionDiff diff(@PathParam("slug") String slug, @QueryParam("from") String from, @QueryParam("to") String to) {
        return posts.diffRevisions(slug, number("from", from), number("to", to));
    }

    @POST
    @Path("/{number}/restore")
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR, Roles.AUTHOR})
    @Operation(operationId = "restoreRevision", summary = "Makes a revision the post's content again (itself a new revision)",
            description = "Needs the header `If-Match`. " + PostResource.IF_MATCH_HOWTO)
    @APIResponse(responseCode = "200", description = "The post as stored now",
            headers = @Header(name = HttpHeaders.ETAG, description = "The post's new ETag"),
            content = @Content(schema = @Schema(implementation = PostView.class)))
    @APIResponse(responseCode = "404", description = "No such post or revision",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match names an older version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "No If-Match",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response restore(@PathParam("slug") String slug, @PathParam("number") int number,
                            @Parameter(description = "The ETag read last (the `ETag` header of GET /api/posts/{slug}); required")
                            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        PostView post = posts.restoreRevision(slug, number, ifMatch);
        return Response.ok(post).tag(EntityTag.valueOf(post.etag())).build();
    }

    private static int number(String name, String value) {
        try {
            int n = Integer.parseInt(value == null ? "" : value.strip());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new dev.slugline.common.errors.InvalidInputException(name, "must be a revision number (1, 2, …)");
    }
}
