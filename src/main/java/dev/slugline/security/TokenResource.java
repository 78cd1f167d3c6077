package dev.slugline.security;

import dev.slugline.common.errors.Problem;
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
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.security.SecuritySchemes;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/tokens")
@SecuritySchemes({
        @SecurityScheme(securitySchemeName = "basicAuth", type = SecuritySchemeType.HTTP, scheme = "basic",
                description = "A user name and password"),
        @SecurityScheme(securitySchemeName = "bearerAuth", type = SecuritySchemeType.HTTP, scheme = "bearer",
                description = "An API token from POST /api/tokens")})
@Tag(name = "tokens", description = "API tokens for machines: shown once, stored as a hash")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.EDITOR, Roles.AUTHOR})
public class TokenResource {

    private final AccountService accounts;

    public TokenResource(AccountService accounts) {
        this.accounts = accounts;
    }

    @GET
    @Operation(operationId = "listTokens", summary = "Lists the caller's tokens (an admin sees all), without their secrets")
    @APIResponse(responseCode = "200", description = "The tokens, newest first")
    @APIResponse(responseCode = "401", description = "No or wrong credentials",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<TokenView> list() {
        return accounts.listTokens();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createToken", summary = "Creates a token for the caller; the response is the only time its secret is shown")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = TokenCreated.class)))
    @APIResponse(responseCode = "400", description = "No name, or an expiry in the past",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Called with a token rather than a password",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull TokenCreate body, @Context UriInfo uri) {
        TokenCreated token = accounts.createToken(body);
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(token.id())).build()).entity(token).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "revokeToken", summary = "Revokes a token; it stops working at once, on every instance")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", description = "No such token of the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void revoke(@PathParam("id") long id) {
        accounts.revokeToken(id);
    }
}
