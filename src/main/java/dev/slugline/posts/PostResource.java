package dev.slugline.posts;

import dev.slugline.common.config.SluglineConfig;
import dev.slugline.common.errors.Problem;
import dev.slugline.common.http.CachedReads;
import dev.slugline.common.http.HeaderValues;
import dev.slugline.common.http.LinkHeader;
import dev.slugline.common.paging.PagedResponse;
import dev.slugline.importing.ExportService;
import dev.slugline.importing.PostFileReader;
import dev.slugline.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import dev.slugline.search.ListingResponse;
import dev.slugline.search.PostListing;
import dev.slugline.search.PostQuery;
import dev.slugline.search.SearchService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
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
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Optional;

@Path("/api/posts")
@Tag(name = "posts", description = "Markdown posts, served with their HTML")
@Produces(MediaType.APPLICATION_JSON)
public class PostResource {

    public static final String MARKDOWN = "text/markdown";
    /** What a Markdown file's post was created with but its writer should know (the warnings of an import report). */
    public static final String WARNING = "Slugline-Warning";
    public static final String MERGE_PATCH = "application/merge-patch+json";

    private static final String SEED_EXAMPLE = """
            ---
            title: "My first in-person KubeCon"
            date: 2024-04-07T11:05:09+05:00
            slug: my-first-in-person-kubecon.
            category: ["cncf, kubecon, kubernetes, open-source"]
            ---
            Yours truly, soaking up all the vibes at KubeCon 2024 in Paris! 🚀
            """;

    /** How a client gets the ETag a write of a post needs (the operation descriptions in the Swagger UI). */
    static final String IF_MATCH_HOWTO = "Send the post's current ETag as `If-Match`: read it from the `ETag` response header of "
                    + "`GET /api/posts/{slug}` (or of the last write). A missing `If-Match` is a 428, an older one a 412; "
                    + "nothing is written then.";

    private static final String JSON_EXAMPLE = """
            {
              "title": "Unforgettable Moments and New Milestones: My First KubeCon Experience",
              "slug": "unforgettable-moments-first-kubecon",
              "publishedAt": "2023-12-12T16:14:55+04:00",
              "status": "published",
              "categories": ["Tech", "Blog"],
              "tags": ["kubecon", "community"],
              "markdown": "#### KubeCon Contributor Summit\n\nThe Kubernetes Contributor Summit is where all the contributors of the project come together."
            }""";

    private final PostService posts;
    private final PostFileReader files;
    private final SearchService search;
    private final CachedReads cachedReads;
    private final SluglineConfig.Paging pagingLimits;
    private final ExportService exports;

    public PostResource(PostService posts, PostFileReader files, SearchService search, CachedReads cachedReads,
                        SluglineConfig config, ExportService exports) {
        this.posts = posts;
        this.files = files;
        this.search = search;
        this.cachedReads = cachedReads;
        this.pagingLimits = config.paging();
        this.exports = exports;
    }

    @GET
    @Operation(operationId = "listPosts", summary = "Lists, filters, searches and pages public posts; lists leave out bodies unless asked",
            description = "Repeated `tag` (or `category`) means any of them; add `match=all` for posts having all "
                    + "of them. Dates are ISO (2024-05-01 is midnight UTC) or ISO date-times with an offset; `after` "
                    + "is inclusive, `before` exclusive. `year`/`month` use the date as written. Page with `page`+`size` "
                    + "or with the opaque `cursor` returned as `next`. Unknown parameters are refused.")
    @APIResponse(responseCode = "200", description = "A page of posts",
            headers = {@Header(name = PagedResponse.TOTAL_COUNT, description = "Posts on all pages"),
                    @Header(name = "Link", description = "RFC 8288 links: first, prev, next, last (cursor mode: first, next)"),
                    @Header(name = HttpHeaders.ETAG, description = "Same on every instance; changes with any visible change"),
                    @Header(name = HttpHeaders.LAST_MODIFIED, description = "Time of the last visible change")},
            content = @Content(schema = @Schema(implementation = PostListing.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the If-None-Match ETag or If-Modified-Since date")
    @APIResponse(responseCode = "400", description = "An unknown parameter, a bad date, cursor, sort or field, a size out of range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response list(@Parameter(description = "Only posts with this tag (slug); repeatable", example = "kubecon") @QueryParam("tag") List<String> tag,
                         @Parameter(description = "Only posts in this category (slug); repeatable", example = "cncf") @QueryParam("category") List<String> category,
                         @Parameter(description = "Only posts by this author (slug); repeatable: by any of them", example = "alice") @QueryParam("author") List<String> author,
                         @Parameter(description = "any (default): posts with any of the tags/categories; all: with all of them", schema = @Schema(enumeration = {"any", "all"})) @QueryParam("match") String match,
                         @Parameter(description = "Published before (exclusive)", example = "2024-05-01") @QueryParam("before") String before,
                         @Parameter(description = "Published at or after", example = "2024-01-01T00:00:00+02:00") @QueryParam("after") String after,
                         @Parameter(description = "Published in this year", schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("year") String year,
                         @Parameter(description = "Published in this month (1-12) of `year`", schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("month") String month,
                         @Parameter(description = "Full-text search (web search syntax: words, \"phrases\", -excluded, or)", example = "kubecon -paris \"contributor summit\"") @QueryParam("q") String q,
                         @Parameter(description = "date (newest first; default without q), -date, title, updated, relevance (default with q)") @QueryParam("sort") String sort,
                         @Parameter(description = "Comma-separated fields of each item: id, slug, title, summary, status, publishedAt (or date), updatedAt, categories, tags, authors, wordCount, readingMinutes, markdown, html, rank, snippet", example = "slug,title,summary,date,tags") @QueryParam("fields") String fields,
                         @Parameter(description = "Page number, from 1", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "1")) @QueryParam("page") String page,
                         @Parameter(description = "Page size, 1 to the configured maximum (100)", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "10")) @QueryParam("size") String size,
                         @Parameter(description = "The `next` cursor of the previous page") @QueryParam("cursor") String cursor,
                         @Parameter(description = "Editors only (except published): draft, scheduled, published, expired or all; newest change first")
                         @QueryParam("status") String status,
                         @Context UriInfo uri, @Context Request request) {
        if (status != null && !status.isBlank() && !status.strip().equalsIgnoreCase("published")) {
            return PagedResponse.ok(posts.listByStatus(status, page, size), uri);
        }
        PostQuery query = search.parse(uri.getQueryParameters());
        return cachedReads.get(request, uri, MediaType.APPLICATION_JSON,
                () -> ListingResponse.ok(search.list(query), uri));
    }

    @GET
    @Path("/{slug}/related")
    @Operation(operationId = "listRelatedPosts", summary = "Public posts sharing the most tags and categories with this one, then the newest")
    @APIResponse(responseCode = "200", description = "Related posts, in the list's default fields",
            content = @Content(schema = @Schema(implementation = RelatedPosts.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the If-None-Match ETag")
    @APIResponse(responseCode = "400", description = "Size out of range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No public post with this slug",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response related(@PathParam("slug") String slug,
                            @Parameter(description = "How many, 1 to 100", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "10")) @QueryParam("size") String size,
                            @Context UriInfo uri, @Context Request request) {
        dev.slugline.common.paging.Page.Request.of(null, size, pagingLimits);
        return cachedReads.get(request, uri, MediaType.APPLICATION_JSON,
                () -> Response.ok(new RelatedPosts(search.related(slug, size))).build());
    }

    /** The body of {@code GET /api/posts/{slug}/related}. */
    @Schema(name = "RelatedPosts")
    public record RelatedPosts(@Schema(type = SchemaType.ARRAY, implementation = dev.slugline.search.PostListItem.class)
                               List<java.util.Map<String, Object>> items) {
    }

    @GET
    @Path("/{slug}")
    @Operation(operationId = "getPost", summary = "Returns one published post with its rendered HTML",
            description = "With credentials of a user or a read-only token, also drafts and scheduled posts")
    @APIResponse(responseCode = "200", description = "The post",
            headers = @Header(name = HttpHeaders.ETAG, description = "Changes with every change to the post"),
            content = @Content(schema = @Schema(implementation = PostView.class)))
    @APIResponse(responseCode = "301", description = "A former slug of a public post; Location names the current one")
    @APIResponse(responseCode = "304", description = "The post is unchanged since the If-None-Match ETag or If-Modified-Since date")
    @APIResponse(responseCode = "404", description = "No published post with this slug",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("slug") String slug, @Context Request request, @Context UriInfo uri) {
        Optional<PostView> unpublished = posts.getUnpublishedForEditor(slug);
        if (unpublished.isPresent()) {
            // Never through the shared response cache, never stored by a browser or CDN
            return Response.ok(unpublished.get()).tag(EntityTag.valueOf(unpublished.get().etag()))
                    .header(HttpHeaders.CACHE_CONTROL, "private, no-store").build();
        }
        return cachedReads.getWithOwnValidators(request, uri, MediaType.APPLICATION_JSON, () -> {
            PostReading reading = posts.read(slug);
            if (reading.isMoved()) {
                return moved(reading, uri);
            }
            PostView post = reading.post();
            Response.ResponseBuilder response = Response.ok(post)
                    .tag(EntityTag.valueOf(post.etag()))
                    .lastModified(Date.from(post.updatedAt().toInstant().truncatedTo(ChronoUnit.SECONDS)))
                    .header(HttpHeaders.VARY, HttpHeaders.ACCEPT);
            for (PostReading.Neighbour neighbour : new PostReading.Neighbour[] {reading.previous(), reading.next()}) {
                if (neighbour != null) {
                    response.header(LinkHeader.NAME, LinkHeader.of(postUri(uri, neighbour.slug()),
                            neighbour == reading.previous() ? "prev" : "next", neighbour.title()));
                }
            }
            return response.build();
        });
    }

    @GET
    @Path("/{slug}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Returns just the rendered HTML fragment of one published post")
    @APIResponse(responseCode = "200", description = "The HTML fragment",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "301", description = "A former slug; Location names the current one")
    @APIResponse(responseCode = "304", description = "Unchanged since the If-None-Match ETag or If-Modified-Since date")
    @APIResponse(responseCode = "404", description = "No published post with this slug",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response getHtml(@PathParam("slug") String slug, @Context Request request, @Context UriInfo uri) {
        return cachedReads.getWithOwnValidators(request, uri, MediaType.TEXT_HTML + ";charset=UTF-8", () -> {
            PostReading reading = posts.read(slug);
            if (reading.isMoved()) {
                return moved(reading, uri);
            }
            PostView post = reading.post();
            return Response.ok(post.html(), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .tag(new EntityTag(post.id() + "." + post.version() + "-html"))
                    .lastModified(Date.from(post.updatedAt().toInstant().truncatedTo(ChronoUnit.SECONDS)))
                    .header(HttpHeaders.VARY, HttpHeaders.ACCEPT).build();
        });
    }

    /** 301 from a former slug to the current one, keeping the query. */
    private static Response moved(PostReading reading, UriInfo uri) {
        String query = uri.getRequestUri().getRawQuery();
        URI location = URI.create(postUri(uri, reading.movedTo()) + (query == null ? "" : "?" + query));
        return Response.status(Response.Status.MOVED_PERMANENTLY).location(location)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT).build();
    }

    @GET
    @Path("/{slug}")
    @Produces(MARKDOWN)
    @Operation(summary = "Returns one published post as a Markdown file with YAML front matter (issue 4: export)",
            description = "Importing the file again yields the same post, front matter keys without a field included. "
                    + "With credentials that may read them (as for JSON), also drafts, scheduled and expired posts.")
    @APIResponse(responseCode = "200", description = "The Markdown file",
            content = @Content(mediaType = MARKDOWN, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "301", description = "A former slug; Location names the current one")
    @APIResponse(responseCode = "304", description = "Unchanged since the If-None-Match ETag or If-Modified-Since date")
    @APIResponse(responseCode = "404", description = "No published post with this slug",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response getMarkdown(@PathParam("slug") String slug, @Context Request request, @Context UriInfo uri) {
        Optional<PostView> unpublished = posts.getUnpublishedForEditor(slug);
        if (unpublished.isPresent()) {
            // as the JSON: drafts, scheduled and expired posts for those who may read them, never cached
            PostView post = unpublished.get();
            return Response.ok(exports.toMarkdown(post), MediaType.valueOf(MARKDOWN).withCharset("UTF-8"))
                    .tag(new EntityTag(post.id() + "." + post.version() + "-md"))
                    .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                    .header(HttpHeaders.VARY, HttpHeaders.ACCEPT).build();
        }
        return cachedReads.getWithOwnValidators(request, uri, MARKDOWN + ";charset=UTF-8", () -> {
            PostReading reading = posts.read(slug);
            if (reading.isMoved()) {
                return moved(reading, uri);
            }
            PostView post = reading.post();
            return Response.ok(exports.toMarkdown(post), MediaType.valueOf(MARKDOWN).withCharset("UTF-8"))
                    .tag(new EntityTag(post.id() + "." + post.version() + "-md"))
                    .lastModified(Date.from(post.updatedAt().toInstant().truncatedTo(ChronoUnit.SECONDS)))
                    .header(HttpHeaders.VARY, HttpHeaders.ACCEPT).build();
        });
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR, Roles.AUTHOR})
    @Operation(operationId = "createPost", summary = "Creates a post from JSON",
            description = "Needs no `If-Match` (the post is new). The response's `ETag` header is the `If-Match` of "
                    + "the next write; `Location` names the post.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PostInput.class),
            examples = @ExampleObject(name = "seed", value = JSON_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created; Location names the new post",
            content = @Content(schema = @Schema(implementation = PostView.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON, an unknown field, or an invalid value",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The slug is taken",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Neither JSON nor Markdown",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull PostInput body, @Context UriInfo uri) {
        return created(posts.create(body), uri).build();
    }

    @POST
    @Consumes(MARKDOWN)
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR, Roles.AUTHOR})
    @Operation(summary = "Creates a post from a Markdown file with YAML front matter, as Hugo and Jekyll write them",
            description = "Keys read: title, date, slug, summary, draft, categories/category, tags/tag. "
                    + "Every other key is kept and returned in frontMatter. Without a slug key the slug comes from "
                    + "the title, and a taken one gets a number (-2), as for JSON.")
    @RequestBody(content = @Content(mediaType = MARKDOWN, schema = @Schema(type = SchemaType.STRING),
            examples = @ExampleObject(name = "seed", value = SEED_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created; Location names the new post",
            headers = @Header(name = WARNING, description = "One per warning, as in an import report: a date written "
                    + "without an offset and the zone it was taken in (slugline.importing.default-zone), "
                    + "e.g. date '2018-09-18 12:07' has no offset: taken in UTC"),
            content = @Content(schema = @Schema(implementation = PostView.class)))
    @APIResponse(responseCode = "409", description = "The front matter's slug is taken: a file never replaces a post "
            + "(PUT with If-Match, or POST /api/imports, does); nothing written",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Front matter missing a title, unclosed or invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response createFromMarkdown(String file, @Context UriInfo uri) {
        PostFileReader.ReadFile read = files.read(null, file);
        Response.ResponseBuilder response = created(posts.create(read.input()), uri);
        read.warnings().forEach(warning -> response.header(WARNING, HeaderValues.text(warning)));
        return response.build();
    }

    @PUT
    @Path("/{slug}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR, Roles.AUTHOR})
    @Operation(operationId = "updatePost", summary = "Replaces a post (any status) with a new full state",
            description = "Needs the header `If-Match`. " + IF_MATCH_HOWTO)
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
    @APIResponse(responseCode = "428", description = "No If-Match",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response replace(@PathParam("slug") String slug,
                            @Parameter(description = "The ETag read last (the `ETag` header of GET /api/posts/{slug}); the write is refused if the post changed since", example = "\"1.0\"")
                            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @Valid @NotNull PostInput body) {
        PostView post = posts.replace(slug, body, ifMatch);
        return Response.ok(post).tag(EntityTag.valueOf(post.etag())).build();
    }

    @DELETE
    @Path("/{slug}")
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR, Roles.AUTHOR})
    @Operation(operationId = "deletePost", summary = "Moves a post (any status) to the trash",
            description = "Needs the header `If-Match`. " + IF_MATCH_HOWTO + " `POST /api/trash/{slug}/restore` brings it back.")
    @APIResponse(responseCode = "204", description = "Moved to the trash")
    @APIResponse(responseCode = "428", description = "No If-Match",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No post with this slug",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match names an older version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void delete(@PathParam("slug") String slug,
                       @Parameter(description = "The ETag read last (the `ETag` header of GET /api/posts/{slug}); the delete is refused if the post changed since", example = "\"1.0\"")
                       @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        posts.delete(slug, ifMatch);
    }

    @PATCH
    @Path("/{slug}")
    @Consumes(MERGE_PATCH)
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR, Roles.AUTHOR})
    @Operation(operationId = "patchPost", summary = "Changes some fields of a post (RFC 7396 JSON merge patch: absent keys stay, null removes)",
            description = "Needs the header `If-Match`. " + IF_MATCH_HOWTO + " Set `status` to `scheduled` with a future `publishedAt` to schedule.")
    @RequestBody(content = @Content(mediaType = MERGE_PATCH, schema = @Schema(implementation = PostInput.class),
            examples = @ExampleObject(name = "retitle", value = "{\"title\": \"A better title\", \"tags\": [\"kubecon\"]}")))
    @APIResponse(responseCode = "200", description = "The post as stored now",
            headers = @Header(name = HttpHeaders.ETAG, description = "The post's new ETag"),
            content = @Content(schema = @Schema(implementation = PostView.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON, an unknown field, or an invalid result",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No post with this slug",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match names an older version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "No If-Match",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response patch(@PathParam("slug") String slug,
                          @Parameter(description = "The ETag read last (the `ETag` header of GET /api/posts/{slug}); required", example = "\"1.0\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                          String body) {
        PostView post = posts.patch(slug, body, ifMatch);
        return Response.ok(post).tag(EntityTag.valueOf(post.etag())).build();
    }

    /** The URL of a post, its slug percent-encoded as one path segment: for Location and Link headers. */
    static URI postUri(UriInfo uri, String slug) {
        return LinkHeader.child(uri.getBaseUri(), "api/posts", slug);
    }

    private static Response.ResponseBuilder created(PostView post, UriInfo uri) {
        return Response.created(postUri(uri, post.slug())).entity(post).tag(EntityTag.valueOf(post.etag()));
    }
}
