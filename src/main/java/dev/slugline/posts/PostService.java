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

    /**
     * A public post with its neighbours by date, or, when {@code slug} is a former slug of a public post (a rename
     * or a Hugo alias), where it lives now.
     */
    public PostReading read(String slug) {
        var post = posts.findPublishedBySlug(slug);
        if (post.isEmpty()) {
            return posts.currentSlugOfAlias(slug).map(PostReading::moved).orElseThrow(() -> noSuchPost(slug));
        }
        PostReading.Neighbour previous = null;
        PostReading.Neighbour next = null;
        if (post.get().publishedAt != null) {
            for (Object[] row : posts.adjacent(post.get())) {
                PostReading.Neighbour neighbour = PostReading.Neighbour.of(row);
                if ("previous".equals(row[0])) {
                    previous = neighbour;
                } else {
                    next = neighbour;
                }
            }
        }
        return new PostReading(PostView.from(post.get()), previous, next, null);
    }

    /** Where a former slug of a public post leads now, if it is one. */
    public java.util.Optional<String> currentSlugOf(String formerSlug) {
        return posts.currentSlugOfAlias(formerSlug);
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
        recordAliases(post, null);
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
        recordAliases(post, slug);
        return PostView.from(post);
    }

    @Transactional
    public void delete(String slug, String ifMatch) {
        Post post = posts.findBySlugForUpdate(slug).orElseThrow(() -> noSuchPost(slug));
        requireMatch(post, ifMatch);
        posts.delete(post);
    }

    /**
     * Former slugs lead to the post: the one it had before this write, and the Hugo {@code aliases} of its front
     * matter (paths such as {@code /posts/old-name/}; their last segment is the slug). Its own slug is no alias.
     */
    private void recordAliases(Post post, String formerSlug) {
        posts.removeAlias(post.slug);
        Set<String> aliases = new java.util.LinkedHashSet<>();
        if (formerSlug != null) {
            aliases.add(formerSlug);
        }
        Object hugo = post.frontMatter.get("aliases");
        List<?> given = hugo instanceof List<?> list ? list : hugo instanceof String one ? List.of(one) : List.of();
        for (Object alias : given) {
            if (alias instanceof String path) {
                String[] segments = path.strip().split("/");
                for (int i = segments.length - 1; i >= 0; i--) {
                    if (!segments[i].isBlank()) {
                        Slugs.normalizeGiven(segments[i].replaceFirst("\\.html?$", "")).ifPresent(aliases::add);
                        break;
                    }
                }
            }
        }
        aliases.remove(post.slug);
        aliases.forEach(alias -> posts.addAlias(post, alias));
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
}
