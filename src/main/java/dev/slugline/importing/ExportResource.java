package dev.slugline.importing;

import dev.slugline.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@RolesAllowed({Roles.ADMIN, Roles.EDITOR})
@Path("/api/exports")
@Tag(name = "imports", description = "Bring a whole Hugo, Jekyll, Hexo or Zola site in with one request")
public class ExportResource {

    public static final String ZIP = "application/zip";

    private final ExportService exports;

    public ExportResource(ExportService exports) {
        this.exports = exports;
    }

    @GET
    @Produces(ZIP)
    @Operation(operationId = "exportPosts", summary = "The whole site (posts of any status and media) as a zip of a Hugo content folder",
            description = "Posts are Markdown files with YAML front matter where they were imported from "
                    + "(content/posts/<slug>.md otherwise), media at their paths. It re-imports as the same site.")
    @APIResponse(responseCode = "200", description = "The zip",
            content = @Content(mediaType = ZIP, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response export() {
        StreamingOutput zip = exports::writeZip;
        return Response.ok(zip, ZIP)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"slugline-export.zip\"")
                .build();
    }
}
