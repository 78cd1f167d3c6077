package dev.slugline.posts;

import dev.slugline.common.config.SluglineConfig;
import dev.slugline.common.errors.ConflictException;
import dev.slugline.common.errors.InvalidInputException;
import dev.slugline.common.errors.NoSuchItemException;
import dev.slugline.common.errors.PreconditionFailedException;
import dev.slugline.common.paging.Page;
import dev.slugline.common.text.Slugs;
import dev.slugline.rendering.MarkdownRenderer;
import dev.slugline.rendering.ReadingTime;
import dev.slugline.rendering.RenderedMarkdown;
import dev.slugline.taxonomy.Category;
import dev.slugline.taxonomy.Tag;
import dev.slugline.taxonomy.TaxonomyService;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The rules of posts: slugs, summaries, rendering at write time, and who may overwrite what. */
@ApplicationScoped
public class PostService {

    private final PostRepository posts;
    private final TaxonomyService taxonomy;
    private final MarkdownRenderer renderer;
    private final SluglineConfig config;

    public PostService(PostRepository posts, TaxonomyService taxonomy, MarkdownRenderer renderer,
                       SluglineConfig config) {
        this.posts = posts;
        this.taxonomy = taxonomy;
        this.renderer = renderer;
        this.config = config;
    }

    public PostView getPublished(String slug) {
        return PostView.from(findPublished(slug));
    }

    public String getPublishedHtml(String slug) {
        return findPublished(slug).html;
    }

    public Page<PostSummary> listPublished(PostFilter filter, String page, String size) {
        Page.Request request = Page.Request.of(page, size, config.paging());
        List<PostSummary> items = posts.listPublished(filter, request).stream().map(PostSummary::from).toList();
        return Page.of(items, request, posts.countPublished(filter));
    }

    @Transactional
    public PostView create(PostInput input) {
        Checked checked = check(input);
        String slug;
        if (input.slug() != null) {
            slug = givenSlug(input.slug());
            if (posts.slugTaken(slug)) {
                throw new ConflictException("slug", "A post with slug '" + slug + "' already exists");
            }
        } else {
            slug = freeSlug(derivedSlug(input.title()));
        }
        Post post = new Post();
        post.slug = slug;
        post.createdAt = now();
        apply(post, input, checked);
        posts.persist(post);
        posts.flush();
        Log.debugf("Created post %s (%d)", post.slug, post.id);
        return PostView.from(post);
    }

    @Transactional
    public PostView replace(String slug, PostInput input, String ifMatch) {
        Checked checked = check(input);
        Post post = posts.findBySlugForUpdate(slug).orElseThrow(() -> noSuchPost(slug));
        requireMatch(post, ifMatch);
        if (input.slug() != null) {
            String newSlug = givenSlug(input.slug());
            if (!newSlug.equals(post.slug) && posts.slugTaken(newSlug)) {
                throw new ConflictException("slug", "A post with slug '" + newSlug + "' already exists");
            }
            post.slug = newSlug;
        }
        apply(post, input, checked);
        posts.flush();
        return PostView.from(post);
    }

    @Transactional
    public void delete(String slug, String ifMatch) {
        Post post = posts.findBySlugForUpdate(slug).orElseThrow(() -> noSuchPost(slug));
        requireMatch(post, ifMatch);
        posts.delete(post);
    }

    private Post findPublished(String slug) {
        return posts.findPublishedBySlug(slug).orElseThrow(() -> noSuchPost(slug));
    }

    /** Everything about the input that can be refused, decided before anything is written. */
    private Checked check(PostInput input) {
        rejectNul("title", input.title());
        rejectNul("summary", input.summary());
        rejectNul("markdown", input.markdown());
        rejectNul("frontMatter", input.frontMatter());
        Map<String, String> categories = taxonomy.parseNames("categories", input.categories());
        Map<String, String> tags = taxonomy.parseNames("tags", input.tags());
        if (input.slug() != null) {
            givenSlug(input.slug());
        } else if (derivedSlug(input.title()).isEmpty()) {
            throw new InvalidInputException("slug", "the title has no letter or digit to derive a slug from; give one");
        }
        return new Checked(categories, tags);
    }

    private void apply(Post post, PostInput input, Checked checked) {
        // Terms first: their inserts flush the session, and the post should be written once, not twice.
        Set<Category> categories = taxonomy.categoriesFor(checked.categories());
        Set<Tag> tags = taxonomy.tagsFor(checked.tags());
        RenderedMarkdown rendered = renderer.render(input.markdown());
        post.title = input.title().strip();
        post.markdown = input.markdown();
        post.html = rendered.html();
        post.summary = input.summary() != null && !input.summary().isBlank()
                ? input.summary().strip()
                : summarize(rendered.firstParagraph(), config.summary().maxLength());
        post.status = input.status() != null ? input.status() : PostStatus.PUBLISHED;
        post.publishedAt = input.publishedAt() != null || post.status == PostStatus.DRAFT
                ? input.publishedAt()
                : now();
        post.wordCount = rendered.wordCount();
        post.readingMinutes = ReadingTime.minutes(rendered.wordCount(), config.reading().wordsPerMinute());
        Map<String, Object> frontMatter = input.frontMatter() != null ? input.frontMatter() : Map.of();
        if (!frontMatter.equals(post.frontMatter)) {
            post.frontMatter = new LinkedHashMap<>(frontMatter);
        }
        replaceAll(post.categories, categories);
        replaceAll(post.tags, tags);
        post.updatedAt = now();
        post.importHash = null;
    }

    /** Changes the set in place, so Hibernate writes only the rows that differ. */
    private static <T> void replaceAll(Set<T> current, Set<T> wanted) {
        current.retainAll(wanted);
        current.addAll(wanted);
    }

    private static void requireMatch(Post post, String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return;
        }
        String current = PostView.from(post).etag();
        for (String tag : ifMatch.split(",")) {
            if (tag.strip().equals(current)) {
                return;
            }
        }
        throw new PreconditionFailedException(
                "The post has changed since " + ifMatch.strip() + "; its current ETag is " + current);
    }

    private static String givenSlug(String given) {
        return Slugs.normalizeGiven(given).orElseThrow(() -> new InvalidInputException("slug",
                "'" + given + "' is not a valid slug: use letters, digits and single hyphens"));
    }

    private static String derivedSlug(String title) {
        return Slugs.fromText(title);
    }

    /** {@code base}, or {@code base-2}, {@code base-3}, … whichever is free first. */
    private String freeSlug(String base) {
        Set<String> taken = new HashSet<>(posts.slugsStartingWith(base));
        if (!taken.contains(base)) {
            return base;
        }
        for (int n = 2; ; n++) {
            String suffix = "-" + n;
            String stem = base.length() + suffix.length() > Slugs.MAX_LENGTH
                    ? base.substring(0, Slugs.MAX_LENGTH - suffix.length()).replaceAll("-+$", "")
                    : base;
            String candidate = stem + suffix;
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
    }

    /** The text cut at the last word boundary before {@code max} characters, with an ellipsis when cut. */
    static String summarize(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int cut = text.lastIndexOf(' ', max - 1);
        String head = (cut > max / 2 ? text.substring(0, cut) : text.substring(0, max - 1)).stripTrailing();
        return head.replaceAll("[\\p{Punct}&&[^)\"'’]]+$", "") + "…";
    }

    private static void rejectNul(String field, Object value) {
        if (value instanceof String s && s.indexOf('\0') >= 0) {
            throw new InvalidInputException(field, "must not contain NUL characters");
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((key, nested) -> {
                rejectNul(field, key);
                rejectNul(field + "." + key, nested);
            });
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                rejectNul(field + "[" + i + "]", list.get(i));
            }
        }
    }

    private static NoSuchItemException noSuchPost(String slug) {
        return new NoSuchItemException("No post with slug '" + slug + "'");
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    private record Checked(Map<String, String> categories, Map<String, String> tags) {
    }

    // ---- Issue 4: imports -------------------------------------------------------------------------------------

    /** What an import did, or would do, to one post. */
    public enum ImportOutcome { CREATED, UPDATED, UNCHANGED }

    /**
     * One file of an import: the post it describes under the slug it claims, where it came from, and the URLs
     * its relative images render as ({@code imageUrls}: destination as written to media URL).
     */
    public record ImportItem(String slug, PostInput input, String sourcePath, Map<String, String> imageUrls) {
    }

    /** Refuses (400/422 as for a JSON post) what cannot be imported, before anything is written. */
    public void checkImportable(ImportItem item) {
        check(item.input());
        givenSlug(item.slug());
    }

    /**
     * Creates or updates the posts of an import, matched by slug, in one transaction: terms with one statement
     * per kind, posts with batched inserts. A post whose import hash equals the file's is unchanged and not
     * written at all. With {@code dryRun} nothing is written and the outcomes are what would happen.
     */
    @Transactional
    public List<ImportOutcome> importAll(List<ImportItem> items, boolean dryRun) {
        Map<String, Post> existing = new java.util.HashMap<>();
        posts.findBySlugs(items.stream().map(ImportItem::slug).toList()).forEach(p -> existing.put(p.slug, p));
        List<ImportOutcome> outcomes = new java.util.ArrayList<>(items.size());
        List<String> hashes = new java.util.ArrayList<>(items.size());
        Map<String, String> categoryNames = new LinkedHashMap<>();
        Map<String, String> tagNames = new LinkedHashMap<>();
        List<Checked> checks = new java.util.ArrayList<>(items.size());
        // hashing is CPU work on the whole file: spread it over the cores
        hashes.addAll(items.parallelStream().map(PostService::importHash).toList());
        for (int n = 0; n < items.size(); n++) {
            ImportItem item = items.get(n);
            Checked checked = check(item.input());
            checks.add(checked);
            String hash = hashes.get(n);
            Post post = existing.get(item.slug());
            ImportOutcome outcome = post == null ? ImportOutcome.CREATED
                    : hash.equals(post.importHash) ? ImportOutcome.UNCHANGED : ImportOutcome.UPDATED;
            outcomes.add(outcome);
            if (outcome != ImportOutcome.UNCHANGED) {
                checked.categories().forEach(categoryNames::putIfAbsent);
                checked.tags().forEach(tagNames::putIfAbsent);
            }
        }
        if (dryRun) {
            return outcomes;
        }
        Map<String, Category> categories = taxonomy.categoriesBySlug(categoryNames);
        Map<String, Tag> tags = taxonomy.tagsBySlug(tagNames);
        // rendering is pure CPU work: done for the whole batch in parallel, before the entities are touched
        List<RenderedMarkdown> rendered = java.util.stream.IntStream.range(0, items.size()).parallel()
                .mapToObj(i -> outcomes.get(i) == ImportOutcome.UNCHANGED ? null : renderImported(items.get(i)))
                .toList();
        for (int i = 0; i < items.size(); i++) {
            if (outcomes.get(i) == ImportOutcome.UNCHANGED) {
                continue;
            }
            ImportItem item = items.get(i);
            Post post = existing.get(item.slug());
            if (post == null) {
                post = new Post();
                post.slug = item.slug();
                post.createdAt = now();
            }
            applyImported(post, item, rendered.get(i), checks.get(i), categories, tags);
            post.importHash = hashes.get(i);
            if (post.id == null) {
                posts.persist(post);
            }
        }
        posts.flush();
        posts.getEntityManager().clear();
        return outcomes;
    }

    private RenderedMarkdown renderImported(ImportItem item) {
        Map<String, String> imageUrls = item.imageUrls() == null ? Map.of() : item.imageUrls();
        return renderer.render(item.input().markdown(), imageUrls::get);
    }

    private void applyImported(Post post, ImportItem item, RenderedMarkdown rendered, Checked checked,
                               Map<String, Category> categories, Map<String, Tag> tags) {
        PostInput input = item.input();
        post.title = input.title().strip();
        post.markdown = input.markdown();
        post.html = rendered.html();
        post.summary = input.summary() != null && !input.summary().isBlank()
                ? input.summary().strip()
                : summarize(rendered.firstParagraph(), config.summary().maxLength());
        post.status = input.status() != null ? input.status() : PostStatus.PUBLISHED;
        // an imported post without a date keeps none: the report warns, nothing is invented
        post.publishedAt = input.publishedAt();
        post.wordCount = rendered.wordCount();
        post.readingMinutes = ReadingTime.minutes(rendered.wordCount(), config.reading().wordsPerMinute());
        Map<String, Object> frontMatter = input.frontMatter() != null ? input.frontMatter() : Map.of();
        if (!frontMatter.equals(post.frontMatter)) {
            post.frontMatter = new LinkedHashMap<>(frontMatter);
        }
        Set<Category> wantedCategories = new java.util.LinkedHashSet<>();
        checked.categories().keySet().forEach(slug -> wantedCategories.add(categories.get(slug)));
        Set<Tag> wantedTags = new java.util.LinkedHashSet<>();
        checked.tags().keySet().forEach(slug -> wantedTags.add(tags.get(slug)));
        replaceAll(post.categories, wantedCategories);
        replaceAll(post.tags, wantedTags);
        post.sourcePath = item.sourcePath();
        post.updatedAt = now();
    }

    /** Every post (any status) with the path it was imported from (null if none), a page at a time, by id. */
    @Transactional
    public void forEachForExport(java.util.function.BiConsumer<PostView, String> each) {
        long after = 0;
        while (true) {
            List<Post> page = posts.pageById(after, 200);
            if (page.isEmpty()) {
                return;
            }
            for (Post post : page) {
                each.accept(PostView.from(post), post.sourcePath);
                after = post.id;
            }
            posts.getEntityManager().clear();
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper CANONICAL =
            com.fasterxml.jackson.databind.json.JsonMapper.builder()
                    .enable(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                    .build();

    /** SHA-256 over everything an imported file decides about its post. */
    static String importHash(ImportItem item) {
        PostInput in = item.input();
        List<Object> parts = java.util.Arrays.asList(item.slug(), in.title(), in.summary(), in.markdown(),
                String.valueOf(in.status()), String.valueOf(in.publishedAt()), in.categories(), in.tags(),
                in.frontMatter(), item.sourcePath(), item.imageUrls() == null ? Map.of() : new java.util.TreeMap<>(item.imageUrls()));
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            return java.util.HexFormat.of().formatHex(sha.digest(CANONICAL.writeValueAsBytes(parts)));
        } catch (java.security.NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
