package dev.slugline.posts;

import dev.slugline.common.errors.Problem;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;


@Path("/api/previews")
@Tag(name = "previews", description = "Signed, expiring links that show drafts to a frontend without credentials")
@Produces(MediaType.APPLICATION_JSON)
public class PreviewResource {

    private final PostService posts;

    public PreviewResource(PostService posts) {
        this.posts = posts;
    }

    @GET
    @Path("/{token}")
    @PermitAll
    @Operation(operationId = "getPreview", summary = "Returns the post a preview link names, without credentials, until the link expires")
    @APIResponse(responseCode = "200", description = "The post", content = @Content(schema = @Schema(implementation = PostView.class)))
    @APIResponse(responseCode = "404", description = "Invalid or expired link",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("token") String token) {
        return Response.ok(posts.getPreview(token)).header("Cache-Control", "private, no-store")
                .header("X-Robots-Tag", "noindex").build();
    }
}
