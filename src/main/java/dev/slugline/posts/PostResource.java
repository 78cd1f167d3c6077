package dev.slugline.posts;

import dev.slugline.common.errors.Problem;
import dev.slugline.common.paging.PagedResponse;
import dev.slugline.importing.ExportService;
import dev.slugline.importing.PostFileReader;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;

@Path("/api/posts")
@Tag(name = "posts", description = "Markdown posts, served with their HTML")
@Produces(MediaType.APPLICATION_JSON)
public class PostResource {

    public static final String MARKDOWN = "text/markdown";

    private static final String SEED_EXAMPLE = """
            ---
            title: "My first in-person KubeCon"
            date: 2024-04-07T11:05:09+05:00
            slug: my-first-in-person-kubecon.
            category: ["cncf, kubecon, kubernetes, open-source"]
            ---
            Yours truly, soaking up all the vibes at KubeCon 2024 in Paris! 🚀
            """;

    private final PostService posts;
    private final PostFileReader files;
    private final ExportService exports;

    public PostResource(PostService posts, PostFileReader files, ExportService exports) {
        this.posts = posts;
        this.files = files;
        this.exports = exports;
    }

    @GET
    @Operation(summary = "Lists published posts, newest first, without their bodies")
    @APIResponse(responseCode = "200", description = "A page of posts",
            headers = {@Header(name = PagedResponse.TOTAL_COUNT, description = "Posts on all pages"),
                    @Header(name = "Link", description = "RFC 8288 links to the first, previous, next and last pages")},
            content = @Content(schema = @Schema(implementation = PostPage.class)))
    @APIResponse(responseCode = "400", description = "Page or size out of range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response list(@Parameter(description = "Only posts with this tag (slug)", example = "kubecon") @QueryParam("tag") String tag,
                         @Parameter(description = "Only posts in this category (slug)", example = "cncf") @QueryParam("category") String category,
                         @Parameter(description = "Page number, from 1", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "1")) @QueryParam("page") String page,
                         @Parameter(description = "Page size, 1 to the configured maximum (100)", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "10")) @QueryParam("size") String size,
                         @Context UriInfo uri) {
        return PagedResponse.ok(posts.listPublished(new PostFilter(tag, category), page, size), uri);
    }

    @GET
    @Path("/{slug}")
    @Operation(summary = "Returns one published post with its rendered HTML")
    @APIResponse(responseCode = "200", description = "The post",
            headers = @Header(name = HttpHeaders.ETAG, description = "Changes with every change to the post"),
            content = @Content(schema = @Schema(implementation = PostView.class)))
    @APIResponse(responseCode = "304", description = "The post is unchanged since the If-None-Match ETag")
    @APIResponse(responseCode = "404", description = "No published post with this slug",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("slug") String slug, @Context Request request) {
        PostView post = posts.getPublished(slug);
        EntityTag etag = EntityTag.valueOf(post.etag());
        Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
        if (notModified != null) {
            return notModified.header(HttpHeaders.VARY, HttpHeaders.ACCEPT).build();
        }
        return Response.ok(post).tag(etag).header(HttpHeaders.VARY, HttpHeaders.ACCEPT).build();
    }

    @GET
    @Path("/{slug}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Returns just the rendered HTML fragment of one published post")
    @APIResponse(responseCode = "200", description = "The HTML fragment",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No published post with this slug",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response getHtml(@PathParam("slug") String slug) {
        return Response.ok(posts.getPublishedHtml(slug), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT).build();
    }

    @GET
    @Path("/{slug}")
    @Produces(MARKDOWN)
    @Operation(summary = "Returns one published post as a Markdown file with YAML front matter (issue 4: export)",
            description = "Importing the file again yields the same post, front matter keys without a field included.")
    @APIResponse(responseCode = "200", description = "The Markdown file",
            content = @Content(mediaType = MARKDOWN, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No published post with this slug",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response getMarkdown(@PathParam("slug") String slug) {
        return Response.ok(exports.markdown(slug), MediaType.valueOf(MARKDOWN).withCharset("UTF-8"))
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Creates a post from JSON")
    @APIResponse(responseCode = "201", description = "Created; Location names the new post",
            content = @Content(schema = @Schema(implementation = PostView.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON, an unknown field, or an invalid value",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The slug is taken",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Neither JSON nor Markdown",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull PostInput body, @Context UriInfo uri) {
        return created(posts.create(body), uri);
    }

    @POST
    @Consumes(MARKDOWN)
    @Operation(summary = "Creates a post from a Markdown file with YAML front matter, as Hugo and Jekyll write them",
            description = "Keys read: title, date, slug, summary, draft, categories/category, tags/tag. "
                    + "Every other key is kept and returned in frontMatter.")
    @RequestBody(content = @Content(mediaType = MARKDOWN, schema = @Schema(type = SchemaType.STRING),
            examples = @ExampleObject(name = "seed", value = SEED_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created; Location names the new post",
            content = @Content(schema = @Schema(implementation = PostView.class)))
    @APIResponse(responseCode = "409", description = "The slug is taken",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Front matter missing a title, unclosed or invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response createFromMarkdown(String file, @Context UriInfo uri) {
        return created(posts.create(files.read(file)), uri);
    }

    @PUT
    @Path("/{slug}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replaces a post (any status) with a new full state")
    @APIResponse(responseCode = "200", description = "The post as stored now",
            headers = @Header(name = HttpHeaders.ETAG, description = "The post's new ETag"),
            content = @Content(schema = @Schema(implementation = PostView.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON, an unknown field, or an invalid value",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No post with this slug",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The new slug is taken",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match names an older version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response replace(@PathParam("slug") String slug,
                            @Parameter(description = "The ETag read last; the write is refused if the post changed since")
                            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @Valid @NotNull PostInput body) {
        PostView post = posts.replace(slug, body, ifMatch);
        return Response.ok(post).tag(EntityTag.valueOf(post.etag())).build();
    }

    @DELETE
    @Path("/{slug}")
    @Operation(summary = "Deletes a post (any status)")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No post with this slug",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match names an older version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void delete(@PathParam("slug") String slug,
                       @Parameter(description = "The ETag read last; the delete is refused if the post changed since")
                       @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        posts.delete(slug, ifMatch);
    }

    private static Response created(PostView post, UriInfo uri) {
        URI location = uri.getBaseUriBuilder().path(PostResource.class).path(post.slug()).build();
        return Response.created(location).entity(post).tag(EntityTag.valueOf(post.etag())).build();
    }

    /** For the OpenAPI document only: a page of posts. */
    @Schema(name = "PostPage")
    record PostPage(@Schema(type = SchemaType.ARRAY, implementation = PostSummary.class) List<PostSummary> items,
                    int page, int size, long totalItems, int totalPages) {
    }
}
