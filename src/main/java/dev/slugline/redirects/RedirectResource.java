package dev.slugline.redirects;

import dev.slugline.common.errors.Problem;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/redirects")
@Tag(name = "redirects", description = "Old URLs of imported sites, for a frontend's catch-all route")
@Produces(MediaType.APPLICATION_JSON)
public class RedirectResource {

    private final RedirectService redirects;

    public RedirectResource(RedirectService redirects) {
        this.redirects = redirects;
    }

    @GET
    @Operation(operationId = "findRedirect", summary = "Finds the published post an old path or URL leads to",
            description = "For a frontend's catch-all (not found) route: answer the reader with a 301 to `path`."
                    + " Matches an imported post's former path (its Hugo permalink, `url` or `aliases`), or this site's"
                    + " own post path under a current or former slug; with or without the old site's scheme and host,"
                    + " trailing slash, `index.html`/`.html`, query, fragment or percent-encoding, in any case."
                    + " Only published posts are named.")
    @APIResponse(responseCode = "200", description = "The post the path leads to, and its path now",
            content = @Content(schema = @Schema(implementation = RedirectView.class)))
    @APIResponse(responseCode = "400", description = "No path, or one that is no site path",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No published post was or is at this path",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RedirectView find(@Parameter(description = "The old path or URL", example = "/2020/02/10/announcing-linkerd-2.7/")
                             @QueryParam("path") String path) {
        return redirects.resolve(path);
    }
}
