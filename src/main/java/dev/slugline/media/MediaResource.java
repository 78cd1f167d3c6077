package dev.slugline.media;

import dev.slugline.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import dev.slugline.common.errors.Problem;
import jakarta.ws.rs.Consumes;
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
import jakarta.ws.rs.core.Request;
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

import java.net.URI;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Date;
import java.util.Optional;
import java.util.Set;

@Path("/api/media")
@Tag(name = "media", description = "Images and other files, stored in PostgreSQL")
public class MediaResource {

    /**
     * Types a browser shows inline without running anything of the file's (SVG can hold script: it is sandboxed
     * like every file). Anything else an import brought in (HTML, JavaScript, PDF, ...) is served as a download.
     */
    private static final Set<String> SHOWN_INLINE = Set.of("image/png", "image/jpeg", "image/gif", "image/webp",
            "image/avif", "image/svg+xml", "text/plain");

    private final MediaService media;
    private final long maxAge;

    public MediaResource(MediaService media, dev.slugline.common.config.SluglineConfig config) {
        this.media = media;
        this.maxAge = config.media().maxAge();
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR, Roles.AUTHOR})
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "uploadMedia", summary = "Uploads a file (png, jpeg, gif, webp, svg); its type is checked against its bytes",
            description = "The body is the file itself. Without a path, the same bytes uploaded before are returned (200). "
                    + "A new path is created without conditions; a path that holds other bytes is replaced only with "
                    + "If-Match naming its current ETag (or *), as posts are: nothing is overwritten unseen. "
                    + "If-None-Match: * creates only. The same bytes again at a path are unchanged (200).")
    @APIResponse(responseCode = "201", description = "Stored; Location is its URL",
            headers = @Header(name = HttpHeaders.ETAG, description = "The file's strong ETag, for the If-Match of a replacement"),
            content = @Content(schema = @Schema(implementation = MediaView.class)))
    @APIResponse(responseCode = "200", description = "Replaced (If-Match matched), or the same file was already stored",
            headers = @Header(name = HttpHeaders.ETAG, description = "The file's strong ETag"),
            content = @Content(schema = @Schema(implementation = MediaView.class)))
    @APIResponse(responseCode = "400", description = "Empty body, bad path, or If-Match/If-None-Match without a path",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Without a path: the generated path holds another file",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match names another version (or there is no file at the path), "
            + "or If-None-Match matched the file there; nothing written",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Larger than slugline.media.max-size",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "The bytes are not an accepted type",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Content-Type disagrees with the bytes",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "The path holds other bytes and If-Match is missing; nothing written",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response upload(byte[] body,
                           @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                           @Parameter(description = "Path to store it under, e.g. images/cover.png") @QueryParam("path") String path,
                           @Parameter(description = "To replace the file at the path: its ETag as read last, or *")
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Parameter(description = "* to create only: refused (412) if the path holds a file")
                           @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
                           @Context UriInfo uri) {
        MediaService.Stored stored = media.upload(body, contentType, path == null ? null : fileName(path), path,
                new MediaService.Preconditions(ifMatch, ifNoneMatch));
        URI location = uri.getBaseUri().resolve(stored.media().url().substring(1));
        return (stored.outcome() == MediaService.Outcome.CREATED ? Response.created(location) : Response.ok().location(location))
                .tag(new EntityTag(stored.media().sha256()))
                .entity(stored.media()).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("/{ref: .+}")
    @Operation(operationId = "getMedia", summary = "Serves a file by id or path, with a strong ETag, Range support and a long cache lifetime",
            description = "Every file is served with Content-Security-Policy: sandbox, so that none (SVG, or an HTML file an"
                    + " import brought in) can run script on this origin; types other than images and plain text are"
                    + " served as attachments (Content-Disposition).")
    @APIResponse(responseCode = "200", description = "The file",
            headers = {@Header(name = HttpHeaders.ETAG), @Header(name = HttpHeaders.CACHE_CONTROL), @Header(name = "Accept-Ranges")},
            content = @Content(mediaType = MediaType.WILDCARD, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "206", description = "The requested byte range", headers = @Header(name = "Content-Range"))
    @APIResponse(responseCode = "304", description = "Unchanged since If-None-Match")
    @APIResponse(responseCode = "404", description = "No such file",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "416", description = "The range names no byte of the file",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("ref") String ref, @HeaderParam("Range") String range, @Context Request request) {
        MediaService.Content content = media.get(ref);
        Media file = content.media();
        EntityTag etag = new EntityTag(file.sha256);
        Date modified = Date.from(file.updatedAt.toInstant().truncatedTo(ChronoUnit.SECONDS));
        Response.ResponseBuilder notModified = request.evaluatePreconditions(modified, etag);
        Response.ResponseBuilder response;
        if (notModified != null) {
            response = notModified;
        } else {
            byte[] data = content.data();
            Optional<ByteRange> byteRange = ByteRange.parse(range, data.length);
            if (byteRange.isPresent()) {
                ByteRange r = byteRange.get();
                response = Response.status(206)
                        .entity(Arrays.copyOfRange(data, (int) r.first(), (int) r.last() + 1))
                        .header("Content-Range", "bytes " + r.first() + "-" + r.last() + "/" + data.length)
                        .header(HttpHeaders.CONTENT_LENGTH, r.length());
            } else {
                response = Response.ok(data).header(HttpHeaders.CONTENT_LENGTH, data.length);
            }
            response.type(file.contentType);
        }
        response.tag(etag)
                .lastModified(modified)
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=" + maxAge)
                .header("Accept-Ranges", "bytes")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox");
        if (!SHOWN_INLINE.contains(file.contentType)) {
            response.header("Content-Disposition", "attachment");
        }
        return response.build();
    }

    private static String fileName(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }
}
