package dev.slugline.posts;

import dev.slugline.common.errors.InvalidInputException;
import dev.slugline.common.errors.Problem;
import dev.slugline.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Duration;
import java.time.format.DateTimeParseException;

@Path("/api/posts/{slug}/preview")
@Tag(name = "previews")
@Produces(MediaType.APPLICATION_JSON)
public class PreviewLinkResource {

    private final PostService posts;

    public PreviewLinkResource(PostService posts) {
        this.posts = posts;
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR, Roles.AUTHOR})
    @Operation(operationId = "createPreviewLink", summary = "Creates a signed preview link for a post of any status")
    @APIResponse(responseCode = "201", description = "The link", content = @Content(schema = @Schema(implementation = PreviewLink.class)))
    @APIResponse(responseCode = "400", description = "ttl not an ISO-8601 duration or too long",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No post with this slug",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@PathParam("slug") String slug,
                           @Parameter(description = "Lifetime as ISO-8601 duration, default PT24H", example = "PT1H")
                           @QueryParam("ttl") String ttl, @Context UriInfo uri) {
        Duration lifetime;
        try {
            lifetime = ttl == null ? null : Duration.parse(ttl);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("ttl", "must be an ISO-8601 duration such as PT1H");
        }
        PreviewLink link = posts.createPreview(slug, lifetime, uri.getBaseUri());
        return Response.status(Response.Status.CREATED).location(java.net.URI.create(link.url())).entity(link).build();
    }

}
