package dev.slugline.ghost;

import dev.slugline.common.errors.Problem;
import dev.slugline.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/content-keys")
@Tag(name = "content keys", description = "Keys for the Ghost Content API under /ghost/api/content/")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class ContentKeyResource {

    private final ContentKeyService keys;

    public ContentKeyResource(ContentKeyService keys) {
        this.keys = keys;
    }

    @GET
    @Operation(operationId = "listContentKeys", summary = "Lists the Content API keys, revoked ones included")
    @APIResponse(responseCode = "200", description = "The keys, newest first")
    @APIResponse(responseCode = "401", description = "No or wrong credentials",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an admin",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<ContentKeyView> list() {
        return keys.list();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createContentKey", summary = "Creates a Content API key for a Ghost frontend",
            description = "The key is public by design: it reads only what anyone may read (published posts).")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = ContentKeyView.class)))
    @APIResponse(responseCode = "400", description = "No name",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an admin",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull ContentKeyCreate body, @Context UriInfo uri) {
        ContentKeyView created = keys.create(body);
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
                .entity(created).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "revokeContentKey", summary = "Revokes a key; it stops working at once, on every instance")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", description = "No such key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void revoke(@PathParam("id") long id) {
        keys.revoke(id);
    }
}
