package dev.slugline.ghost;

import dev.slugline.authors.AuthorService;
import dev.slugline.authors.AuthorView;
import dev.slugline.common.config.SluglineConfig;
import dev.slugline.rendering.FeatureImage;
import dev.slugline.search.PostFilter;
import dev.slugline.search.PostListing;
import dev.slugline.search.PostQuery;
import dev.slugline.search.SearchService;
import dev.slugline.taxonomy.TaxonomyService;
import dev.slugline.taxonomy.TermRef;
import dev.slugline.taxonomy.TermDetail;
import dev.slugline.taxonomy.TermView;
import dev.slugline.common.errors.NoSuchItemException;
import jakarta.enterprise.context.ApplicationScoped;
import org.jsoup.Jsoup;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * The Ghost Content API (version 5) over Slugline's read services: posts from {@link SearchService} (so exactly the
 * public posts every other read shows), tags from {@link TaxonomyService}, settings from {@code slugline.site.*},
 * each in Ghost's field names and envelopes. Every request needs a valid Content API key.
 */
@ApplicationScoped
public class GhostContentService {

    static final Set<String> POST_INCLUDES = Set.of("tags", "authors");
    static final Set<String> TERM_INCLUDES = Set.of("count.posts");

    /** What a request reads: its options are checked for that. */
    public enum Resource { POSTS, TAGS, AUTHORS, SETTINGS }

    private static final String POST_FIELDS = "id,slug,title,summary,status,publishedAt,updatedAt,createdAt,tags,"
            + "readingMinutes,frontMatter,featureImage";

    private final SearchService search;
    private final TaxonomyService taxonomy;
    private final AuthorService authors;
    private final ContentKeyService keys;
    private final SluglineConfig.Site site;

    public GhostContentService(SearchService search, TaxonomyService taxonomy, AuthorService authors,
                               ContentKeyService keys, SluglineConfig config) {
        this.authors = authors;
        this.search = search;
        this.taxonomy = taxonomy;
        this.keys = keys;
        this.site = config.site();
    }

    /** Checks the key and every option, so that a bad request is refused before any cache is asked. */
    public GhostParams validate(jakarta.ws.rs.core.MultivaluedMap<String, String> query, Resource resource) {
        GhostParams params = GhostParams.of(query, resource == Resource.POSTS ? POST_INCLUDES : TERM_INCLUDES);
        keys.requireValid(params.key());
        if (resource == Resource.POSTS) {
            if (params.filter() != null) {
                GhostPostFilter.of(params.filter());
            }
            sortOf(params.order());
        } else if (resource != Resource.SETTINGS) {
            if (params.filter() != null) {
                termFilter(Nql.parse(params.filter()), TermView::slug, TermView::name, resource.name().toLowerCase(Locale.ROOT));
            }
            termOrder(params.order(), TermView::slug, TermView::name, TermView::postCount, resource.name().toLowerCase(Locale.ROOT));
        }
        return params;
    }

    /** Posts, or with {@code pages} standalone pages, in Ghost's envelope. */
    public Map<String, Object> browse(GhostParams params, boolean pages) {
        PostFilter filter = params.filter() == null ? null : GhostPostFilter.of(params.filter());
        return posts(params, filter, pages);
    }

    /** One post (or page) by Ghost id or slug, as a list of one, as Ghost answers. */
    public Map<String, Object> read(GhostParams params, String id, String slug, boolean pages) {
        PostFilter filter = id != null
                ? new PostFilter.Compare(PostFilter.Field.ID, PostFilter.Comparison.EQ, GhostIds.postId("id", id))
                : new PostFilter.Compare(PostFilter.Field.SLUG, PostFilter.Comparison.EQ, slug);
        Map<String, Object> one = posts(new GhostParams(params.key(), params.include(), params.fields(),
                params.formats(), null, 1, 1, null), filter, pages);
        if (((List<?>) one.get(pages ? "pages" : "posts")).isEmpty()) {
            throw GhostException.notFound(pages ? "page" : "post");
        }
        one.remove("meta");
        return one;
    }

    private Map<String, Object> posts(GhostParams params, PostFilter filter, boolean pages) {
        boolean body = params.formats().contains("html") || params.formats().contains("plaintext");
        String fields = POST_FIELDS + (body ? ",html" : "");
        String sort = sortOf(params.order());
        int size = params.limit() == null ? GhostParams.MAX_LIMIT : params.limit();
        int page = params.limit() == null ? 1 : params.page();
        List<Map<String, Object>> posts = new ArrayList<>();
        long total;
        while (true) {
            PostQuery query = search.parse(Map.of("page", List.of(String.valueOf(page)), "size", List.of(String.valueOf(size)),
                    "sort", List.of(sort), "fields", List.of(fields)));
            PostQuery narrowed = filter == null ? query : query.withFilter(filter);
            PostListing listing = search.list(pages ? narrowed.forPages() : narrowed);
            Map<Long, List<AuthorView>> byPost = params.include().contains("authors")
                    ? authors.ofPosts(listing.items().stream().map(item -> ((Number) item.get("id")).longValue()).toList())
                    : Map.of();
            listing.items().forEach(item -> posts.add(post(item, params, pages,
                    byPost.getOrDefault(((Number) item.get("id")).longValue(), List.of()))));
            total = listing.totalItems();
            if (params.limit() != null || page >= listing.totalPages()) {
                break;
            }
            page++;
        }
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put(pages ? "pages" : "posts", posts);
        envelope.put("meta", Map.of("pagination", pagination(params, total)));
        return envelope;
    }

    private static Map<String, Object> pagination(GhostParams params, long total) {
        Map<String, Object> pagination = new LinkedHashMap<>();
        if (params.limit() == null) {
            pagination.put("page", 1);
            pagination.put("limit", "all");
            pagination.put("pages", 1);
            pagination.put("total", total);
            pagination.put("next", null);
            pagination.put("prev", null);
            return pagination;
        }
        int pages = (int) Math.max(1, (total + params.limit() - 1) / params.limit());
        pagination.put("page", params.page());
        pagination.put("limit", params.limit());
        pagination.put("pages", pages);
        pagination.put("total", total);
        pagination.put("next", params.page() < pages ? params.page() + 1 : null);
        pagination.put("prev", params.page() > 1 ? params.page() - 1 : null);
        return pagination;
    }

    /** Ghost's {@code order} as a Slugline sort; Ghost's default is newest first. */
    private static String sortOf(String order) {
        if (order == null) {
            return "date";
        }
        return switch (order.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ")) {
            case "published_at desc", "published_at" -> "date";
            case "published_at asc" -> "-date";
            case "title asc", "title" -> "title";
            case "updated_at desc", "updated_at" -> "updated";
            default -> throw GhostException.badRequest("order", "'" + order + "' is not an order Slugline serves: "
                    + "published_at desc, published_at asc, title asc, updated_at desc");
        };
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> post(Map<String, Object> item, GhostParams params, boolean pages,
                                     List<AuthorView> postAuthors) {
        long id = ((Number) item.get("id")).longValue();
        String slug = (String) item.get("slug");
        Map<String, Object> frontMatter = (Map<String, Object>) item.getOrDefault("frontMatter", Map.of());
        String html = (String) item.get("html");
        List<Map<String, Object>> tags = ((List<TermRef>) item.get("tags")).stream().map(t -> tag(t.slug(), t.name(), null)).toList();
        List<Map<String, Object>> authors = postAuthors.stream().map(a -> author(a, null)).toList();
        FeatureImage image = (FeatureImage) item.get("featureImage");

        Map<String, Object> post = new LinkedHashMap<>();
        post.put("id", GhostIds.ofPost(id));
        post.put("uuid", GhostIds.uuidOfPost(id));
        post.put("title", item.get("title"));
        post.put("slug", slug);
        if (params.formats().contains("html")) {
            post.put("html", html);
        }
        if (params.formats().contains("plaintext")) {
            post.put("plaintext", html == null ? null : Jsoup.parseBodyFragment(html).body().wholeText().strip());
        }
        post.put("comment_id", String.valueOf(id));
        // Ghost's URLs are absolute: a root-relative one (an imported medium, /api/media/...) is on the site
        post.put("feature_image", image == null ? null
                : image.url().startsWith("/") ? site.url() + image.url() : image.url());
        post.put("feature_image_alt", image == null ? null : image.alt());
        post.put("feature_image_caption", image == null ? null : image.caption());
        post.put("featured", Boolean.TRUE.equals(frontMatter.get("featured")) || "true".equals(frontMatter.get("featured")));
        post.put("visibility", "public");
        post.put("created_at", item.get("createdAt"));
        post.put("updated_at", item.get("updatedAt"));
        post.put("published_at", item.get("publishedAt"));
        post.put("custom_excerpt", null);
        post.put("codeinjection_head", null);
        post.put("codeinjection_foot", null);
        post.put("custom_template", null);
        post.put("canonical_url", text(frontMatter, "canonical_url", "canonicalURL", "canonical"));
        post.put("url", site.url() + (pages ? site.pagePath() : site.postPath()).replace("{slug}", slug));
        post.put("excerpt", item.get("summary"));
        post.put("reading_time", item.get("readingMinutes"));
        post.put("access", true);
        post.put("comments", false);
        post.put("og_image", null);
        post.put("og_title", null);
        post.put("og_description", null);
        post.put("twitter_image", null);
        post.put("twitter_title", null);
        post.put("twitter_description", null);
        post.put("meta_title", text(frontMatter, "meta_title", "seo_title"));
        post.put("meta_description", text(frontMatter, "meta_description"));
        post.put("email_subject", null);
        post.put("frontmatter", null);
        if (params.include().contains("tags")) {
            post.put("tags", tags);
        }
        if (params.include().contains("authors")) {
            post.put("authors", authors);
        }
        post.put("primary_author", params.include().contains("authors") && !authors.isEmpty() ? authors.get(0) : null);
        post.put("primary_tag", params.include().contains("tags") && !tags.isEmpty() ? tags.get(0) : null);
        return only(post, params);
    }

    /** An author in Ghost's shape; {@code postCount} only when {@code count.posts} is asked for. */
    private Map<String, Object> author(AuthorView view, Long postCount) {
        Map<String, Object> author = new LinkedHashMap<>();
        author.put("id", GhostIds.ofTerm("author", view.slug()));
        author.put("name", view.name());
        author.put("slug", view.slug());
        author.put("profile_image", absolute(view.profileImage()));
        author.put("cover_image", absolute(view.coverImage()));
        author.put("bio", view.bio());
        author.put("website", view.website());
        author.put("location", view.location());
        author.put("facebook", null);
        author.put("twitter", null);
        author.put("meta_title", null);
        author.put("meta_description", null);
        author.put("url", site.url() + "/author/" + view.slug() + "/");
        if (postCount != null) {
            author.put("count", Map.of("posts", postCount));
        }
        return author;
    }

    /** A path on this site ({@code /api/media/…}) made absolute, as Ghost's images are. */
    private String absolute(String url) {
        return url != null && url.startsWith("/") ? site.url() + url : url;
    }

    private Map<String, Object> tag(String slug, String name, Long postCount) {
        Map<String, Object> tag = new LinkedHashMap<>();
        tag.put("id", GhostIds.ofTerm("tag", slug));
        tag.put("name", name);
        tag.put("slug", slug);
        tag.put("description", null);
        tag.put("feature_image", null);
        tag.put("visibility", "public");
        tag.put("og_image", null);
        tag.put("og_title", null);
        tag.put("og_description", null);
        tag.put("twitter_image", null);
        tag.put("twitter_title", null);
        tag.put("twitter_description", null);
        tag.put("meta_title", null);
        tag.put("meta_description", null);
        tag.put("codeinjection_head", null);
        tag.put("codeinjection_foot", null);
        tag.put("canonical_url", null);
        tag.put("accent_color", null);
        tag.put("url", site.url() + "/tag/" + slug + "/");
        if (postCount != null) {
            tag.put("count", Map.of("posts", postCount));
        }
        return tag;
    }

    public Map<String, Object> browseTags(GhostParams params) {
        List<TermView> all = publicTags();
        Predicate<TermView> filter = params.filter() == null ? t -> true
                : termFilter(Nql.parse(params.filter()), TermView::slug, TermView::name, "tags");
        Comparator<TermView> order = termOrder(params.order(), TermView::slug, TermView::name, TermView::postCount, "tags");
        List<TermView> matching = all.stream().filter(filter).sorted(order).toList();
        int from = params.limit() == null ? 0 : Math.min(matching.size(), (params.page() - 1) * params.limit());
        int to = params.limit() == null ? matching.size() : Math.min(matching.size(), from + params.limit());
        boolean counts = params.include().contains("count.posts");
        List<Map<String, Object>> tags = matching.subList(from, to).stream()
                .map(t -> only(tag(t.slug(), t.name(), counts ? t.postCount() : null), params)).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tags", tags);
        body.put("meta", Map.of("pagination", pagination(params, matching.size())));
        return body;
    }

    /** One public tag by Ghost id (a digest of its slug, so the public tags are searched) or by slug (one query). */
    public Map<String, Object> readTag(GhostParams params, String id, String slug) {
        String found = id == null ? slug : publicTags().stream().map(TermView::slug)
                .filter(s -> GhostIds.ofTerm("tag", s).equals(id)).findFirst()
                .orElseThrow(() -> GhostException.notFound("tag"));
        TermDetail detail;
        try {
            detail = taxonomy.getTag(found); // 404 for a tag no public post carries
        } catch (NoSuchItemException e) {
            throw GhostException.notFound("tag");
        }
        Map<String, Object> tag = tag(detail.slug(), detail.name(),
                params.include().contains("count.posts") ? detail.postCount() : null);
        tag.put("description", detail.description());
        return Map.of("tags", List.of(only(tag, params)));
    }

    /** Every public tag (one that a public post carries), a page of the maximum size at a time. */
    private List<TermView> publicTags() {
        List<TermView> tags = new ArrayList<>();
        for (int page = 1; ; page++) {
            var listed = taxonomy.listTags(String.valueOf(page), String.valueOf(GhostParams.MAX_LIMIT));
            tags.addAll(listed.items());
            if (listed.items().size() < GhostParams.MAX_LIMIT) {
                return tags;
            }
        }
    }

    public Map<String, Object> browseAuthors(GhostParams params) {
        Predicate<AuthorView> filter = params.filter() == null ? a -> true
                : termFilter(Nql.parse(params.filter()), AuthorView::slug, AuthorView::name, "authors");
        Comparator<AuthorView> order = termOrder(params.order(), AuthorView::slug, AuthorView::name,
                AuthorView::postCount, "authors");
        List<AuthorView> matching = authors.listPublic().stream().filter(filter).sorted(order).toList();
        int from = params.limit() == null ? 0 : Math.min(matching.size(), (params.page() - 1) * params.limit());
        int to = params.limit() == null ? matching.size() : Math.min(matching.size(), from + params.limit());
        boolean counts = params.include().contains("count.posts");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("authors", matching.subList(from, to).stream()
                .map(a -> only(author(a, counts ? a.postCount() : null), params)).toList());
        body.put("meta", Map.of("pagination", pagination(params, matching.size())));
        return body;
    }

    /** One public author by Ghost id (a digest of the slug) or by slug. */
    public Map<String, Object> readAuthor(GhostParams params, String id, String slug) {
        AuthorView found;
        if (id != null) {
            found = authors.listPublic().stream().filter(a -> GhostIds.ofTerm("author", a.slug()).equals(id)).findFirst()
                    .orElseThrow(() -> GhostException.notFound("author"));
        } else {
            try {
                found = authors.get(slug, null); // 404 for an author no public post carries
            } catch (NoSuchItemException e) {
                throw GhostException.notFound("author");
            }
        }
        Long count = params.include().contains("count.posts") ? found.postCount() : null;
        return Map.of("authors", List.of(only(author(found, count), params)));
    }

    /** Ghost's {@code filter} over tags or authors: by slug, name and visibility (all public). */
    private static <T> Predicate<T> termFilter(Nql.Node node, Function<T, String> slug, Function<T, String> name,
                                               String what) {
        if (node instanceof Nql.And and) {
            return and.parts().stream().map(p -> termFilter(p, slug, name, what)).reduce(t -> true, Predicate::and);
        }
        if (node instanceof Nql.Or or) {
            return or.parts().stream().map(p -> termFilter(p, slug, name, what)).reduce(t -> false, Predicate::or);
        }
        Nql.Comparison c = (Nql.Comparison) node;
        if (c.op() != Nql.Op.EQ && c.op() != Nql.Op.IN) {
            throw GhostException.badRequest("filter", "'" + c.key() + "' takes a value or a [list]");
        }
        Predicate<T> positive = switch (c.key()) {
            case "slug" -> t -> c.values().contains(slug.apply(t));
            case "name" -> t -> c.values().contains(name.apply(t));
            case "visibility" -> t -> c.values().contains("public");
            default -> throw GhostException.badRequest("filter", "cannot filter " + what + " by '" + c.key()
                    + "'; Slugline filters " + what + " by slug, name and visibility");
        };
        return c.negated() ? positive.negate() : positive;
    }

    private static <T> Comparator<T> termOrder(String order, Function<T, String> slug, Function<T, String> name,
                                               ToLongFunction<T> postCount, String what) {
        Comparator<T> byName = Comparator.comparing(name, String.CASE_INSENSITIVE_ORDER);
        if (order == null) {
            return byName;
        }
        return switch (order.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ")) {
            case "name asc", "name" -> byName;
            case "name desc" -> byName.reversed();
            case "slug asc", "slug" -> Comparator.comparing(slug);
            case "count.posts desc" -> Comparator.comparingLong(postCount).reversed().thenComparing(byName);
            default -> throw GhostException.badRequest("order", "'" + order + "' is not an order of " + what
                    + " Slugline serves: name asc, name desc, slug asc, count.posts desc");
        };
    }

    public Map<String, Object> settings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("title", site.title());
        settings.put("description", site.description());
        settings.put("logo", site.logo().orElse(null));
        settings.put("icon", site.icon().orElse(null));
        settings.put("accent_color", null);
        settings.put("cover_image", null);
        settings.put("facebook", null);
        settings.put("twitter", null);
        settings.put("lang", site.lang());
        settings.put("locale", site.lang());
        settings.put("timezone", site.timezone());
        settings.put("codeinjection_head", null);
        settings.put("codeinjection_foot", null);
        settings.put("navigation", site.navigation().orElse(List.of()).stream().map(GhostContentService::navigation).toList());
        settings.put("secondary_navigation", List.of());
        settings.put("meta_title", null);
        settings.put("meta_description", null);
        settings.put("og_image", null);
        settings.put("og_title", null);
        settings.put("og_description", null);
        settings.put("twitter_image", null);
        settings.put("twitter_title", null);
        settings.put("twitter_description", null);
        settings.put("members_support_address", supportAddress(site.url()));
        settings.put("url", site.url() + "/");
        return Map.of("settings", settings, "meta", Map.of());
    }

    /**
     * Ghost's default support address, {@code noreply@} the site's host without {@code www.}: Ghost always answers a
     * string here and typed clients (@ts-ghost's schema) refuse null.
     */
    static String supportAddress(String siteUrl) {
        String host = URI.create(siteUrl).getHost();
        host = host == null ? "localhost" : host;
        return "noreply@" + (host.startsWith("www.") ? host.substring(4) : host);
    }

    /** {@code Label=/path} as Ghost's {@code {"label","url"}}. */
    private static Map<String, Object> navigation(String entry) {
        int equals = entry.indexOf('=');
        return equals < 0 ? Map.of("label", entry.strip(), "url", "/")
                : Map.of("label", entry.substring(0, equals).strip(), "url", entry.substring(equals + 1).strip());
    }

    private static String text(Map<String, Object> frontMatter, String... keys) {
        for (String key : keys) {
            Object value = frontMatter.get(key);
            if (value instanceof String s && !s.isBlank()) {
                return s;
            }
        }
        return null;
    }

    private static Map<String, Object> only(Map<String, Object> item, GhostParams params) {
        if (params.fields().isEmpty()) {
            return item;
        }
        Map<String, Object> picked = new LinkedHashMap<>();
        item.forEach((name, value) -> {
            if (params.fields().contains(name)) {
                picked.put(name, value);
            }
        });
        return picked;
    }
}
