package dev.slugline.importing;

import dev.slugline.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import dev.slugline.common.errors.InvalidInputException;
import dev.slugline.common.errors.Problem;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@RolesAllowed({Roles.ADMIN, Roles.EDITOR})
@Path("/api/imports")
@Tag(name = "imports", description = "Bring a whole Hugo, Jekyll, Hexo or Zola site in with one request")
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {

    private static final String ON_CONFLICT = "What to do with a file whose post or medium was changed through the API "
            + "since it was imported (or was never imported): refuse (default) reports it as conflict and writes "
            + "nothing of it; overwrite replaces the post or medium with the file";

    private static final String BUSY = "The instance already runs slugline.importing.max-concurrent imports and none "
            + "finished within slugline.importing.permit-wait; nothing written. Retry-After says when to try again";

    private final ImportService imports;
    private final ImportPermits permits;

    public ImportResource(ImportService imports, ImportPermits permits) {
        this.imports = imports;
        this.permits = permits;
    }

    @POST
    @Consumes({"application/zip", "application/gzip", "application/x-gzip", "application/x-tar+gzip",
            "application/x-compressed-tar", MediaType.APPLICATION_OCTET_STREAM})
    @Operation(operationId = "importPosts", summary = "Imports a .zip or .tar.gz of a content folder: Markdown files become posts, other files media",
            description = "Idempotent: the same archive twice changes nothing the second time; a changed file updates "
                    + "its post (matched by slug) or medium (by path). A post or medium changed through the API since "
                    + "it was imported (or never imported) is not overwritten: its file is reported as conflict and "
                    + "nothing of it is written, unless onConflict=overwrite. One bad file does not stop the others.")
    @RequestBody(content = @Content(mediaType = "application/zip", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "200", description = "Per file: created, updated, unchanged, failed (with reason and line), "
            + "skipped, or conflict (with the reason: the post or medium was changed through the API)",
            content = @Content(schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(responseCode = "400", description = "Empty body or a bad parameter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Archive, a file, all files unpacked or the number of files over a limit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Not an archive, corrupt, an entry with '..' or an absolute path, a link, too deep",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = BUSY,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ImportReport importArchive(byte[] archive,
                                      @Parameter(description = "Report what would happen; write nothing") @QueryParam("dryRun") String dryRun,
                                      @Parameter(description = "Make the folder of each post one of its categories") @QueryParam("foldersAsCategories") String foldersAsCategories,
                                      @Parameter(description = ON_CONFLICT, schema = @Schema(type = SchemaType.STRING, enumeration = {"refuse", "overwrite"}, defaultValue = "refuse"))
                                      @QueryParam("onConflict") String onConflict) {
        ImportService.Options options = options(dryRun, foldersAsCategories, onConflict);
        return permits.call(() -> imports.importArchive(archive, options));
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Imports many files sent as multipart/form-data parts named 'files'; a part's file name is its path")
    @APIResponse(responseCode = "200", description = "The import report",
            content = @Content(schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(responseCode = "400", description = "No files",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Too many or too large files",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A file name with '..' or an absolute path",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = BUSY,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ImportReport importFiles(@RestForm("files") List<FileUpload> files,
                                    @QueryParam("dryRun") String dryRun,
                                    @QueryParam("foldersAsCategories") String foldersAsCategories,
                                    @Parameter(description = ON_CONFLICT, schema = @Schema(type = SchemaType.STRING, enumeration = {"refuse", "overwrite"}, defaultValue = "refuse"))
                                    @QueryParam("onConflict") String onConflict) {
        ImportService.Options options = options(dryRun, foldersAsCategories, onConflict);
        if (files == null || files.isEmpty()) {
            throw new InvalidInputException("files", "send at least one file in a part named 'files'");
        }
        return permits.call(() -> {
            Map<String, byte[]> uploaded = new LinkedHashMap<>();
            for (FileUpload file : files) {
                String path = ImportPaths.clean(file.fileName()).orElseThrow(() -> new dev.slugline.common.errors.UnprocessableContentException(
                        "files", "file name '" + file.fileName() + "' is refused: absolute paths and '..' are not allowed"));
                uploaded.put(path, read(file));
            }
            return imports.importUploaded(uploaded, options);
        });
    }

    private static byte[] read(FileUpload file) {
        try {
            return Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ImportService.Options options(String dryRun, String foldersAsCategories, String onConflict) {
        boolean overwrite;
        if (onConflict == null || onConflict.isEmpty() || onConflict.equalsIgnoreCase("refuse")) {
            overwrite = false;
        } else if (onConflict.equalsIgnoreCase("overwrite")) {
            overwrite = true;
        } else {
            throw new InvalidInputException("onConflict", "must be refuse or overwrite, not '" + onConflict + "'");
        }
        return new ImportService.Options(flag("dryRun", dryRun), flag("foldersAsCategories", foldersAsCategories), overwrite);
    }

    private static boolean flag(String name, String value) {
        if (value == null || value.isEmpty() || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        throw new InvalidInputException(name, "must be true or false, not '" + value + "'");
    }
}
