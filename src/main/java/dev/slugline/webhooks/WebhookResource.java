package dev.slugline.webhooks;

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

@Path("/api/webhooks")
@Tag(name = "webhooks", description = "Signed event deliveries to other systems (admins only)")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class WebhookResource {

    private final WebhookService webhooks;

    public WebhookResource(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @GET
    @Operation(operationId = "listWebhooks", summary = "Lists the webhooks")
    @APIResponse(responseCode = "200", description = "The webhooks, without secrets")
    public List<WebhookView> list() {
        return webhooks.list();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "registerWebhook", summary = "Registers a webhook; the response carries its signing secret, once")
    @APIResponse(responseCode = "201", description = "Registered", content = @Content(schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(responseCode = "400", description = "Not an http(s) URL, a private or loopback target, or an unknown event",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response register(@Valid @NotNull WebhookCreate body, @Context UriInfo uri) {
        WebhookView hook = webhooks.register(body);
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(hook.id())).build()).entity(hook).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "removeWebhook", summary = "Removes a webhook and its delivery log")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such webhook",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void remove(@PathParam("id") long id) {
        webhooks.remove(id);
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "The delivery log of a webhook: state, attempts, last status and error, newest first")
    @APIResponse(responseCode = "200", description = "Up to 200 deliveries")
    @APIResponse(responseCode = "404", description = "No such webhook",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<DeliveryView> deliveries(@PathParam("id") long id) {
        return webhooks.deliveries(id);
    }
}
