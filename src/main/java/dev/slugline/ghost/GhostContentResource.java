package dev.slugline.ghost;

import dev.slugline.common.http.CachedReads;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Map;
import java.util.function.Supplier;

/**
 * Ghost's Content API, read-only, so that frontends written for Ghost (its {@code @tryghost/content-api} client,
 * starters and integrations) read Slugline unchanged. Paths take a trailing slash or none, as Ghost's do.
 */
@Path("/ghost/api/content")
@Tag(name = "ghost", description = "Ghost Content API 5 (read-only): posts, pages, tags and settings in Ghost's shapes. "
        + "Every request needs `key`, a Content API key from /api/content-keys")
@Produces(MediaType.APPLICATION_JSON)
public class GhostContentResource {

    private final GhostContentService ghost;
    private final CachedReads cachedReads;

    public GhostContentResource(GhostContentService ghost, CachedReads cachedReads) {
        this.ghost = ghost;
        this.cachedReads = cachedReads;
    }

    @GET
    @Path("/posts{slash: /?}")
    @Operation(operationId = "ghostBrowsePosts", summary = "Published posts in Ghost's shape, newest first",
            description = "Options: key (required), include (tags, authors), fields, formats (html, plaintext), filter "
                    + "(Ghost's NQL: tag, tags, primary_tag, slug, id, title, featured, published_at, updated_at, "
                    + "created_at with + , - ( ) and > >= < <= ~ [..]), limit (1-100 or all; 15), page, order.")
    @APIResponse(responseCode = "200", description = "{posts, meta.pagination}", content = @Content(schema = @Schema(implementation = GhostBodies.Posts.class)))
    @APIResponse(responseCode = "400", description = "A bad option (BadRequestError)", content = @Content(schema = @Schema(implementation = GhostErrors.Body.class)))
    @APIResponse(responseCode = "401", description = "No or an unknown key (UnauthorizedError)", content = @Content(schema = @Schema(implementation = GhostErrors.Body.class)))
    public Response browsePosts(@Parameter(description = "Content API key", required = true, schema = @Schema(type = SchemaType.STRING)) @jakarta.ws.rs.QueryParam("key") String key,
                                @Context UriInfo uri, @Context Request request) {
        GhostParams params = ghost.validate(uri.getQueryParameters(), GhostContentService.Resource.POSTS);
        return cached(uri, request, () -> ghost.browse(params, false));
    }

    @GET
    @Path("/posts/{id: [^/]+}{slash: /?}")
    @Operation(operationId = "ghostReadPost", summary = "One published post by its Ghost id")
    @APIResponse(responseCode = "200", description = "{posts: [post]}", content = @Content(schema = @Schema(implementation = GhostBodies.Posts.class)))
    @APIResponse(responseCode = "404", description = "No published post with this id (NotFoundError)", content = @Content(schema = @Schema(implementation = GhostErrors.Body.class)))
    public Response readPost(@PathParam("id") String id, @Context UriInfo uri, @Context Request request) {
        GhostParams params = ghost.validate(uri.getQueryParameters(), GhostContentService.Resource.POSTS);
        return cached(uri, request, () -> ghost.read(params, id, null, false));
    }

    @GET
    @Path("/posts/slug/{slug: [^/]+}{slash: /?}")
    @Operation(operationId = "ghostReadPostBySlug", summary = "One published post by its slug")
    @APIResponse(responseCode = "200", description = "{posts: [post]}", content = @Content(schema = @Schema(implementation = GhostBodies.Posts.class)))
    @APIResponse(responseCode = "404", description = "No published post with this slug (NotFoundError)", content = @Content(schema = @Schema(implementation = GhostErrors.Body.class)))
    public Response readPostBySlug(@PathParam("slug") String slug, @Context UriInfo uri, @Context Request request) {
        GhostParams params = ghost.validate(uri.getQueryParameters(), GhostContentService.Resource.POSTS);
        return cached(uri, request, () -> ghost.read(params, null, slug, false));
    }

    @GET
    @Path("/pages{slash: /?}")
    @Operation(operationId = "ghostBrowsePages", summary = "Published standalone pages in Ghost's shape",
            description = "The options of posts; pages are posts with `type: page`.")
    @APIResponse(responseCode = "200", description = "{pages, meta.pagination}", content = @Content(schema = @Schema(implementation = GhostBodies.Pages.class)))
    @APIResponse(responseCode = "401", description = "No or an unknown key (UnauthorizedError)", content = @Content(schema = @Schema(implementation = GhostErrors.Body.class)))
    public Response browsePages(@Context UriInfo uri, @Context Request request) {
        GhostParams params = ghost.validate(uri.getQueryParameters(), GhostContentService.Resource.POSTS);
        return cached(uri, request, () -> ghost.browse(params, true));
    }

    @GET
    @Path("/pages/{id: [^/]+}{slash: /?}")
    @Operation(operationId = "ghostReadPage", summary = "One published page by its Ghost id")
    @APIResponse(responseCode = "200", description = "{pages: [page]}", content = @Content(schema = @Schema(implementation = GhostBodies.Pages.class)))
    @APIResponse(responseCode = "404", description = "No published page with this id (NotFoundError)", content = @Content(schema = @Schema(implementation = GhostErrors.Body.class)))
    public Response readPage(@PathParam("id") String id, @Context UriInfo uri, @Context Request request) {
        GhostParams params = ghost.validate(uri.getQueryParameters(), GhostContentService.Resource.POSTS);
        return cached(uri, request, () -> ghost.read(params, id, null, true));
    }

    @GET
    @Path("/pages/slug/{slug: [^/]+}{slash: /?}")
    @Operation(operationId = "ghostReadPageBySlug", summary = "One published page by its slug")
    @APIResponse(responseCode = "200", description = "{pages: [page]}", content = @Content(schema = @Schema(implementation = GhostBodies.Pages.class)))
    @APIResponse(responseCode = "404", description = "No published page with this slug (NotFoundError)", content = @Content(schema = @Schema(implementation = GhostErrors.Body.class)))
    public Response readPageBySlug(@PathParam("slug") String slug, @Context UriInfo uri, @Context Request request) {
        GhostParams params = ghost.validate(uri.getQueryParameters(), GhostContentService.Resource.POSTS);
        return cached(uri, request, () -> ghost.read(params, null, slug, true));
    }

    @GET
    @Path("/tags{slash: /?}")
    @Operation(operationId = "ghostBrowseTags", summary = "Tags of published posts, by name",
            description = "Options: key, include (count.posts), fields, filter (slug, name, visibility), limit, page, order.")
    @APIResponse(responseCode = "200", description = "{tags, meta.pagination}", content = @Content(schema = @Schema(implementation = GhostBodies.Tags.class)))
    @APIResponse(responseCode = "401", description = "No or an unknown key (UnauthorizedError)", content = @Content(schema = @Schema(implementation = GhostErrors.Body.class)))
    public Response browseTags(@Context UriInfo uri, @Context Request request) {
        GhostParams params = ghost.validate(uri.getQueryParameters(), GhostContentService.Resource.TAGS);
        return cached(uri, request, () -> ghost.browseTags(params));
    }

    @GET
    @Path("/tags/{id: [^/]+}{slash: /?}")
    @Operation(operationId = "ghostReadTag", summary = "One tag by its Ghost id")
    @APIResponse(responseCode = "200", description = "{tags: [tag]}", content = @Content(schema = @Schema(implementation = GhostBodies.Tags.class)))
    @APIResponse(responseCode = "404", description = "No public tag with this id (NotFoundError)", content = @Content(schema = @Schema(implementation = GhostErrors.Body.class)))
    public Response readTag(@PathParam("id") String id, @Context UriInfo uri, @Context Request request) {
        GhostParams params = ghost.validate(uri.getQueryParameters(), GhostContentService.Resource.TAGS);
        return cached(uri, request, () -> ghost.readTag(params, id, null));
    }

    @GET
    @Path("/tags/slug/{slug: [^/]+}{slash: /?}")
    @Operation(operationId = "ghostReadTagBySlug", summary = "One tag by its slug")
    @APIResponse(responseCode = "200", description = "{tags: [tag]}", content = @Content(schema = @Schema(implementation = GhostBodies.Tags.class)))
    @APIResponse(responseCode = "404", description = "No public tag with this slug (NotFoundError)", content = @Content(schema = @Schema(implementation = GhostErrors.Body.class)))
    public Response readTagBySlug(@PathParam("slug") String slug, @Context UriInfo uri, @Context Request request) {
        GhostParams params = ghost.validate(uri.getQueryParameters(), GhostContentService.Resource.TAGS);
        return cached(uri, request, () -> ghost.readTag(params, null, slug));
    }

    @GET
    @Path("/authors{slash: /?}")
    @Operation(operationId = "ghostBrowseAuthors", summary = "Authors of published posts, by name",
            description = "Options: key, include (count.posts), fields, filter (slug, name, visibility), limit, page, order.")
    @APIResponse(responseCode = "200", description = "{authors, meta.pagination}", content = @Content(schema = @Schema(implementation = GhostBodies.Authors.class)))
    @APIResponse(responseCode = "401", description = "No or an unknown key (UnauthorizedError)", content = @Content(schema = @Schema(implementation = GhostErrors.Body.class)))
    public Response browseAuthors(@Context UriInfo uri, @Context Request request) {
        GhostParams params = ghost.validate(uri.getQueryParameters(), GhostContentService.Resource.AUTHORS);
        return cached(uri, request, () -> ghost.browseAuthors(params));
    }

    @GET
    @Path("/authors/{id: [^/]+}{slash: /?}")
    @Operation(operationId = "ghostReadAuthor", summary = "One author by its Ghost id")
    @APIResponse(responseCode = "200", description = "{authors: [author]}", content = @Content(schema = @Schema(implementation = GhostBodies.Authors.class)))
    @APIResponse(responseCode = "404", description = "No public author with this id (NotFoundError)", content = @Content(schema = @Schema(implementation = GhostErrors.Body.class)))
    public Response readAuthor(@PathParam("id") String id, @Context UriInfo uri, @Context Request request) {
        GhostParams params = ghost.validate(uri.getQueryParameters(), GhostContentService.Resource.AUTHORS);
        return cached(uri, request, () -> ghost.readAuthor(params, id, null));
    }

    @GET
    @Path("/authors/slug/{slug: [^/]+}{slash: /?}")
    @Operation(operationId = "ghostReadAuthorBySlug", summary = "One author by its slug")
    @APIResponse(responseCode = "200", description = "{authors: [author]}", content = @Content(schema = @Schema(implementation = GhostBodies.Authors.class)))
    @APIResponse(responseCode = "404", description = "No public author with this slug (NotFoundError)", content = @Content(schema = @Schema(implementation = GhostErrors.Body.class)))
    public Response readAuthorBySlug(@PathParam("slug") String slug, @Context UriInfo uri, @Context Request request) {
        GhostParams params = ghost.validate(uri.getQueryParameters(), GhostContentService.Resource.AUTHORS);
        return cached(uri, request, () -> ghost.readAuthor(params, null, slug));
    }

    @GET
    @Path("/settings{slash: /?}")
    @Operation(operationId = "ghostSettings", summary = "The site's settings (slugline.site.*)")
    @APIResponse(responseCode = "200", description = "{settings, meta}", content = @Content(schema = @Schema(implementation = GhostBodies.Settings.class)))
    @APIResponse(responseCode = "401", description = "No or an unknown key (UnauthorizedError)", content = @Content(schema = @Schema(implementation = GhostErrors.Body.class)))
    public Response settings(@Context UriInfo uri, @Context Request request) {
        ghost.validate(uri.getQueryParameters(), GhostContentService.Resource.SETTINGS);
        return cached(uri, request, ghost::settings);
    }

    private Response cached(UriInfo uri, Request request, Supplier<Map<String, Object>> body) {
        return cachedReads.get(request, uri, MediaType.APPLICATION_JSON, () -> Response.ok(body.get()).build());
    }
}
