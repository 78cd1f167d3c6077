package dev.slugline.posts;

import dev.slugline.authors.AuthorService;
import dev.slugline.common.config.SluglineConfig;
import dev.slugline.common.errors.ConflictException;
import dev.slugline.common.errors.InvalidInputException;
import dev.slugline.common.errors.NoSuchItemException;
import dev.slugline.common.errors.PreconditionFailedException;
import dev.slugline.common.paging.Page;
import dev.slugline.common.text.Slugs;
import dev.slugline.rendering.FeatureImage;
import dev.slugline.rendering.MarkdownRenderer;
import dev.slugline.rendering.shortcodes.ShortcodeContext;
import dev.slugline.rendering.shortcodes.ShortcodeLinks;
import dev.slugline.rendering.RenderedMarkdown;
import dev.slugline.taxonomy.Category;
import dev.slugline.taxonomy.Tag;
import dev.slugline.taxonomy.TaxonomyService;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slugline.common.errors.PreconditionRequiredException;
import dev.slugline.common.http.EntityTags;
import dev.slugline.common.time.StorableDates;
import dev.slugline.security.CurrentEditor;
import dev.slugline.security.SigningKeys;
import io.quarkus.logging.Log;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
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
import java.util.function.UnaryOperator;

/** The rules of posts: slugs, summaries, rendering at write time, and who may overwrite what. */
@ApplicationScoped
public class PostService {

    private final PostRepository posts;
    private final TaxonomyService taxonomy;
    private final AuthorService authors;
    private final MarkdownRenderer renderer;
    private final SluglineConfig config;
    private final Editing editing;
    private final ShortcodeLinks shortcodes;

    public PostService(PostRepository posts, TaxonomyService taxonomy, AuthorService authors, MarkdownRenderer renderer,
                       SluglineConfig config, Editing editing, ShortcodeLinks shortcodes) {
        this.authors = authors;
        this.shortcodes = shortcodes;
        this.posts = posts;
        this.taxonomy = taxonomy;
        this.renderer = renderer;
        this.config = config;
        this.editing = editing;
    }

    /** What issue 6 added to writing posts: who writes, revisions, events, concurrency rules (one bean, one argument). */
    @jakarta.inject.Singleton // no client proxy: PostService reads its fields directly
    public static class Editing {
        final CurrentEditor editor;
        final PostHistory history;
        final EditingConfig config;
        final PostRevisionRepository revisions;
        final SigningKeys keys;
        final ObjectMapper json;
        final Validator validator;

        public Editing(CurrentEditor editor, PostHistory history, EditingConfig config, PostRevisionRepository revisions,
                       SigningKeys keys, ObjectMapper json, Validator validator) {
            this.editor = editor;
            this.history = history;
            this.config = config;
            this.revisions = revisions;
            this.keys = keys;
            this.json = json;
            this.validator = validator;
        }
    }

    /** How many posts the public sees, for the {@code slugline_posts_published} gauge. */
    public long countPublished() {
        return posts.countPublic();
    }

    /**
     * A public post with its neighbours by date, or, when {@code slug} is a former slug of a public post (a rename
     * or a Hugo alias), where it lives now.
     */
    public PostReading read(String slug) {
        var found = posts.findPublishedWithBodiesBySlug(slug);
        if (found.isEmpty()) {
            return posts.currentSlugOfAlias(slug).map(PostReading::moved).orElseThrow(() -> noSuchPost(slug));
        }
        Post post = found.get().post();
        PostView view = PostView.from(post, found.get().markdown(), found.get().html(), posts.termsOf(post.id));
        PostReading.Neighbour previous = null;
        PostReading.Neighbour next = null;
        if (post.publishedAt != null) {
            for (Object[] row : posts.adjacent(post)) {
                PostReading.Neighbour neighbour = PostReading.Neighbour.of(row);
                if ("previous".equals(row[0])) {
                    previous = neighbour;
                } else {
                    next = neighbour;
                }
            }
        }
        return new PostReading(view, previous, next, null);
    }

    /** Where a former slug of a public post leads now, if it is one. */
    public java.util.Optional<String> currentSlugOf(String formerSlug) {
        return posts.currentSlugOfAlias(formerSlug);
    }

    @Transactional
    public PostView create(PostInput given) {
        PostInput input = given.withTypeInFrontMatter().withAuthorsFromFrontMatter();
        requireMayPublish(input);
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
        post.createdBy = editing.editor.username();
        apply(post, input, checked);
        post.publishAnnounced = post.isPublicAt(OffsetDateTime.now()); // as changed() will set it: one INSERT, no UPDATE
        posts.persist(post);
        editing.history.changed(post, false);
        posts.flush();
        recordAliases(post, null, Set.of());
        editing.history.revision(post, "create", editing.editor.username());
        Log.debugf("Created post %s (%d)", post.slug, post.id);
        return PostView.from(post);
    }

    @Transactional
    public PostView replace(String slug, PostInput input, String ifMatch) {
        Post post = lockForWrite(slug, ifMatch);
        return write(post, input.withTypeInFrontMatter().withAuthorsFromFrontMatter(), "update");
    }

    /** Locks the post, then refuses the write if If-Match is missing (428) or stale (412), or the caller may not. */
    private Post lockForWrite(String slug, String ifMatch) {
        requireIfMatchPresent(ifMatch);
        Post post = posts.findBySlugForUpdate(slug).orElseThrow(() -> noSuchPost(slug));
        requireMatch(post, ifMatch);
        requireOwner(post);
        return post;
    }

    /** The new full state of a locked post, with its revision and events. */
    private PostView write(Post post, PostInput input, String action) {
        requireMayPublish(input);
        Checked checked = check(input);
        boolean wasPublic = post.isPublicAt(OffsetDateTime.now());
        String formerSlug = post.slug;
        Set<String> formerAliases = frontMatterAliases(post.frontMatter);
        if (input.slug() != null) {
            String newSlug = givenSlug(input.slug());
            if (!newSlug.equals(post.slug) && posts.slugTaken(newSlug)) {
                throw new ConflictException("slug", "A post with slug '" + newSlug + "' already exists");
            }
            post.slug = newSlug;
        }
        apply(post, input, checked);
        editing.history.changed(post, wasPublic);
        posts.flush();
        recordAliases(post, formerSlug, formerAliases);
        editing.history.revision(post, action, editing.editor.username());
        return PostView.from(post);
    }

    /** Moves the post to the trash, from which it can be restored for {@code slugline.editing.trash-retention}. */
    @Transactional
    public void delete(String slug, String ifMatch) {
        Post post = lockForWrite(slug, ifMatch);
        post.deletedAt = now();
        post.deletedBy = editing.editor.username();
        post.publishAnnounced = false;
        editing.history.revision(post, "trash", editing.editor.username());
        editing.history.deleted(post);
    }

    /**
     * Former slugs lead to the post: the one it had before this write, and the Hugo {@code aliases} of its front
     * matter (paths such as {@code /posts/old-name/}; their last segment is the slug). Its own slug is no alias.
     * An alias this write adds may not be the slug of another post (live or in the trash, anyone's): that URL
     * belongs to that post, and would lead to this one once it is renamed or purged.
     */
    private void recordAliases(Post post, String formerSlug, Set<String> formerAliases) {
        posts.removeAlias(post.slug);
        Set<String> aliases = new java.util.LinkedHashSet<>();
        if (formerSlug != null) {
            aliases.add(formerSlug);
        }
        aliases.addAll(frontMatterAliases(post.frontMatter));
        aliases.remove(post.slug);
        for (String alias : aliases) {
            if (!alias.equals(formerSlug) && !formerAliases.contains(alias) && posts.slugTaken(alias)) {
                throw new ConflictException("frontMatter.aliases", "'" + alias + "' is the slug of another post;"
                        + " an alias may not take it over");
            }
        }
        if (editing.editor.isAuthorOnly()) {
            // an author may not move another author's redirect to its own post: the write is refused, unwritten
            for (String alias : aliases) {
                posts.aliasOwner(alias).filter(owner -> !owner.id.equals(post.id)
                        && !editing.editor.username().equals(owner.createdBy)).ifPresent(owner -> {
                    throw new ConflictException("frontMatter.aliases", "'" + alias + "' already leads to another"
                            + " author's post; only an editor may move it");
                });
            }
        }
        aliases.forEach(alias -> posts.addAlias(post, alias));
    }

    /** The slugs that Hugo {@code aliases} (paths such as {@code /posts/old-name/}) name: their last segments. */
    static Set<String> frontMatterAliases(Map<String, Object> frontMatter) {
        Set<String> aliases = new java.util.LinkedHashSet<>();
        Object hugo = frontMatter.get("aliases");
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
        return aliases;
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
        StorableDates.require("publishedAt", input.publishedAt());
        StorableDates.require("expiresAt", input.expiresAt());
        Map<String, String> categories = taxonomy.parseNames("categories", input.categories());
        Map<String, String> tags = taxonomy.parseNames("tags", input.tags());
        if (input.status() == PostStatus.SCHEDULED
                && (input.publishedAt() == null || !input.publishedAt().isAfter(OffsetDateTime.now()))) {
            throw new InvalidInputException("publishedAt", "a scheduled post needs a publishedAt in the future");
        }
        if (input.expiresAt() != null && input.publishedAt() != null && !input.expiresAt().isAfter(input.publishedAt())) {
            throw new InvalidInputException("expiresAt", "must be after publishedAt");
        }
        if (input.slug() != null) {
            givenSlug(input.slug());
        } else if (derivedSlug(input.title()).isEmpty()) {
            throw new InvalidInputException("slug", "the title has no letter or digit to derive a slug from; give one");
        }
        return new Checked(categories, tags, AuthorService.parseNames(input.authors()));
    }

    private void apply(Post post, PostInput input, Checked checked) {
        // Terms first: their inserts flush the session, and the post should be written once, not twice.
        Set<Category> categories = taxonomy.categoriesFor(checked.categories());
        Set<Tag> tags = taxonomy.tagsFor(checked.tags());
        boolean draft = input.status() == PostStatus.DRAFT;
        OffsetDateTime publishedAt = input.publishedAt() != null || draft ? input.publishedAt() : now();
        setContent(post, input, renderer.render(input.markdown(), shortcodeContext(input)), publishedAt, categories, tags);
        if (!checked.authors().isEmpty()) {
            replaceAll(post.authors, authors.authorsFor(checked.authors()));
        } else if (post.authors.isEmpty()) {
            post.authors.addAll(authors.authorsFor(AuthorService.accountAuthor(editing.editor.username())));
        }
        post.importHash = null;
    }

    /** Hugo shortcodes written through the API: {@code param} reads the front matter, {@code ref} names a stored post by slug. */
    private ShortcodeContext shortcodeContext(PostInput input) {
        return shortcodes.context(input.frontMatter(),
                target -> posts.findBySlug(ShortcodeLinks.slugOf(target)).map(p -> p.slug),
                url -> url, warning -> Log.debugf("post %s: %s", input.slug(), warning));
    }

    /** What every write of the API sets: the content (as an import stores it too, {@link PostContent}) and its terms. */
    private void setContent(Post post, PostInput input, RenderedMarkdown rendered, OffsetDateTime publishedAt,
                            Set<Category> categories, Set<Tag> tags) {
        PostContent content = PostContent.of(input, rendered, publishedAt, config);
        post.title = content.title();
        post.markdown = content.markdown();
        post.html = content.html();
        post.summary = content.summary();
        post.status = content.status();
        post.publishedAt = content.publishedAt();
        post.expiresAt = content.expiresAt();
        post.wordCount = content.wordCount();
        post.readingMinutes = content.readingMinutes();
        setFeatureImage(post, content.frontMatter());
        if (!content.frontMatter().equals(post.frontMatter)) {
            post.frontMatter = new LinkedHashMap<>(content.frontMatter());
        }
        replaceAll(post.categories, categories);
        replaceAll(post.tags, tags);
        post.updatedAt = now();
    }

    /** Changes the list in place when it differs, so Hibernate writes nothing for the same authors. */
    private static <T> void replaceAll(List<T> current, List<T> wanted) {
        if (!current.equals(wanted)) {
            current.clear();
            current.addAll(wanted);
        }
    }

    /**
     * The feature image as the front matter names it; a path an import resolved to its medium ({@code cover.png})
     * keeps leading there while the front matter names it, with the alt text and caption given now.
     */
    private static void setFeatureImage(Post post, Map<String, Object> frontMatter) {
        String source = post.featureImageSource;
        String medium = post.featureImage == null ? null : post.featureImage.url();
        UnaryOperator<String> resolved = destination -> source != null && destination.equals(source) ? medium : null;
        FeatureImage image = FeatureImage.of(frontMatter, resolved);
        if (!java.util.Objects.equals(image, post.featureImage)) {
            post.featureImage = image;
        }
        post.featureImageSource = FeatureImage.resolvedSource(frontMatter, resolved);
    }

    /** Changes the set in place, so Hibernate writes only the rows that differ. */
    private static <T> void replaceAll(Set<T> current, Set<T> wanted) {
        current.retainAll(wanted);
        current.addAll(wanted);
    }

    private void requireIfMatchPresent(String ifMatch) {
        if (editing.config.requireIfMatch() && (ifMatch == null || ifMatch.isBlank())) {
            throw new PreconditionRequiredException(
                    "This write needs an If-Match header with the post's ETag (or *), so that no change is overwritten unseen");
        }
    }

    private void requireOwner(Post post) {
        if (editing.editor.isAuthorOnly() && !java.util.Objects.equals(post.createdBy, editing.editor.username())) {
            throw new ForbiddenException("Authors may change only their own posts");
        }
    }

    private void requireMayPublish(PostInput input) {
        if (input.status() != PostStatus.DRAFT && !editing.editor.mayPublish()) {
            throw new ForbiddenException("Authors may not publish or schedule; send status draft");
        }
    }

    private static void requireMatch(Post post, String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return;
        }
        String current = PostView.from(post).etag();
        if (EntityTags.matches(ifMatch, current, false)) {
            return;
        }
        throw new PreconditionFailedException(
                "The post has changed since " + ifMatch.strip() + "; its current ETag is " + current);
    }

    private static String givenSlug(String given) {
        return Slugs.normalizeGiven(given).orElseThrow(() -> new InvalidInputException("slug",
                "'" + given + "' is not a valid slug: " + Slugs.RULE));
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
            String candidate = Slugs.withSuffix(base, "-" + n);
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
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

    private record Checked(Map<String, String> categories, Map<String, String> tags, Map<String, String> authors) {
    }

    // ---- issue 6: reading as an editor, PATCH, revisions, trash, preview links, scheduled publication ----

    /**
     * What readers do not get at {@code /api/posts/{slug}}: a draft, scheduled or expired post, or a page (published
     * ones are read at {@code /api/pages/{slug}}), for a user or read-only token that may read those, so that it can be
     * edited with its ETag; else empty.
     */
    public java.util.Optional<PostView> getUnpublishedForEditor(String slug) {
        if (!editing.editor.mayReadUnpublished()) {
            return java.util.Optional.empty();
        }
        return posts.findBySlug(slug)
                .filter(post -> !post.isPublicAt(OffsetDateTime.now()) || "page".equals(Kinds.of(post.frontMatter, post.sourcePath)))
                .filter(this::mayReadHistoryOf).map(PostView::from);
    }

    /**
     * Posts by status for editors: {@code draft}, {@code scheduled}, {@code published}, {@code expired} or
     * {@code all}. {@code published} is public; the others need a user or a read-only token. Authors see their own.
     */
    public Page<PostSummary> listByStatus(String status, String page, String size) {
        String wanted = status.strip().toLowerCase(java.util.Locale.ROOT);
        if (!List.of("draft", "scheduled", "published", "expired", "all").contains(wanted)) {
            throw new InvalidInputException("status", "must be draft, scheduled, published, expired or all");
        }
        if (editing.editor.isAnonymous()) {
            throw new UnauthorizedException();
        }
        if (!editing.editor.mayReadUnpublished()) {
            throw new ForbiddenException();
        }
        Page.Request request = Page.Request.of(page, size, config.paging());
        PostStatus only = switch (wanted) {
            case "draft" -> PostStatus.DRAFT;
            case "scheduled" -> PostStatus.SCHEDULED;
            default -> null;
        };
        boolean expired = wanted.equals("expired");
        String owner = editing.editor.isAuthorOnly() ? editing.editor.username() : null;
        List<PostSummary> items = posts.listForEditors(only, expired, owner, request).stream().map(PostSummary::from).toList();
        return Page.of(items, request, posts.countForEditors(only, expired, owner));
    }

    /** RFC 7396 JSON merge patch of the post as {@link PostInput}: absent keys stay, null removes, objects merge. */
    @Transactional
    public PostView patch(String slug, String patchJson, String ifMatch) {
        JsonNode patch;
        try {
            patch = editing.json.readTree(patchJson == null ? "" : patchJson);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("body", "Malformed JSON: " + e.getOriginalMessage());
        }
        if (patch == null || !patch.isObject()) {
            throw new InvalidInputException("body", "a merge patch must be a JSON object");
        }
        Post post = lockForWrite(slug, ifMatch);
        ObjectNode current = editing.json.valueToTree(PostHistory.toInput(post));
        merge(current, (ObjectNode) patch);
        PostInput input;
        try {
            input = editing.json.treeToValue(current, PostInput.class);
        } catch (UnrecognizedPropertyException e) {
            throw new InvalidInputException(e.getPropertyName(), "Unknown field '" + e.getPropertyName() + "'");
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String field = e instanceof com.fasterxml.jackson.databind.JsonMappingException m && !m.getPath().isEmpty()
                    ? m.getPath().get(0).getFieldName() : "body";
            throw new InvalidInputException(field, "Invalid value for '" + field + "'");
        }
        Set<ConstraintViolation<PostInput>> violations = editing.validator.validate(input);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return write(post, input.withTypeInFrontMatter().withAuthorsFromFrontMatter(), "patch");
    }

    private static void merge(ObjectNode target, ObjectNode patch) {
        patch.properties().forEach(entry -> {
            JsonNode value = entry.getValue();
            if (value.isNull()) {
                target.remove(entry.getKey());
            } else if (value.isObject() && target.get(entry.getKey()) instanceof ObjectNode nested) {
                merge(nested, (ObjectNode) value);
            } else {
                target.set(entry.getKey(), value);
            }
        });
    }

    public List<RevisionView> listRevisions(String slug) {
        Post post = findWithHistory(slug);
        return editing.revisions.listOf(post.id).stream()
                .map(r -> new RevisionView(r.number, r.action, r.author, r.createdAt, null)).toList();
    }

    public RevisionView getRevision(String slug, int number) {
        PostRevision revision = revision(slug, number);
        return new RevisionView(revision.number, revision.action, revision.author, revision.createdAt,
                editing.history.revisionContent(revision));
    }

    public RevisionDiff diffRevisions(String slug, int from, int to) {
        PostInput before = editing.history.revisionContent(revision(slug, from));
        PostInput after = editing.history.revisionContent(revision(slug, to));
        Map<String, Object> a = editing.json.convertValue(before, new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { });
        Map<String, Object> b = editing.json.convertValue(after, new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { });
        List<RevisionDiff.FieldChange> fields = new java.util.ArrayList<>();
        for (String field : new java.util.TreeSet<>(java.util.stream.Stream.concat(a.keySet().stream(), b.keySet().stream()).toList())) {
            if (!field.equals("markdown") && !java.util.Objects.equals(a.get(field), b.get(field))) {
                fields.add(new RevisionDiff.FieldChange(field, a.get(field), b.get(field)));
            }
        }
        return new RevisionDiff(from, to, fields, LineDiff.diff(before.markdown(), after.markdown()));
    }

    /** Makes an old revision the post's content again; that is itself a new revision. */
    @Transactional
    public PostView restoreRevision(String slug, int number, String ifMatch) {
        PostRevision revision = revision(slug, number);
        Post post = lockForWrite(slug, ifMatch);
        return write(post, editing.history.revisionContent(revision), "restore");
    }

    /** Authors see the drafts and revisions of their own posts only; others' are as if they did not exist. */
    private boolean mayReadHistoryOf(Post post) {
        return !editing.editor.isAuthorOnly() || java.util.Objects.equals(post.createdBy, editing.editor.username());
    }

    private Post findWithHistory(String slug) {
        return posts.findBySlug(slug).filter(this::mayReadHistoryOf).orElseThrow(() -> noSuchPost(slug));
    }

    private PostRevision revision(String slug, int number) {
        Post post = findWithHistory(slug);
        return editing.revisions.find(post.id, number)
                .orElseThrow(() -> new NoSuchItemException("Post '" + slug + "' has no revision " + number));
    }

    public Page<TrashItem> listTrash(String page, String size) {
        Page.Request request = Page.Request.of(page, size, config.paging());
        String owner = editing.editor.isAuthorOnly() ? editing.editor.username() : null;
        List<TrashItem> items = posts.listTrash(request, owner).stream()
                .map(p -> new TrashItem(p.slug, p.title, p.deletedAt, p.deletedBy, p.deletedAt.plus(editing.config.trashRetention()),
                        PostView.from(p).etag()))
                .toList();
        return Page.of(items, request, posts.countTrash(owner));
    }

    /** Brings a post back from the trash; like every write, refused without If-Match (428) or with a stale one (412). */
    @Transactional
    public PostView restoreFromTrash(String slug, String ifMatch) {
        requireIfMatchPresent(ifMatch);
        Post post = posts.findInTrashForUpdate(slug)
                .filter(p -> p.deletedAt.plus(editing.config.trashRetention()).isAfter(OffsetDateTime.now()))
                .orElseThrow(() -> new NoSuchItemException("No post with slug '" + slug + "' in the trash"));
        requireMatch(post, ifMatch);
        requireOwner(post);
        post.deletedAt = null;
        post.deletedBy = null;
        post.updatedAt = now();
        editing.history.revision(post, "untrash", editing.editor.username());
        editing.history.changed(post, false);
        posts.flush();
        return PostView.from(post);
    }

    /** Deletes for good what has been in the trash longer than the retention; returns how many. */
    @Transactional
    public long purgeTrash() {
        return posts.purgeTrashedBefore(now().minus(editing.config.trashRetention()));
    }

    /**
     * Writes the post.published event of every scheduled post whose time has come, and the post.unpublished event
     * of every post whose expiry date has passed (both claimed with SKIP LOCKED, so once).
     */
    @Transactional
    public int announceDuePublications() {
        List<Post> due = posts.lockDueUnannounced(50);
        due.forEach(editing.history::announce);
        List<Post> expired = posts.lockExpiredAnnounced(50);
        expired.forEach(editing.history::announceExpiry);
        return due.size() + expired.size();
    }

    /** A signed link to the post as it is, for {@code lifetime} (default and maximum from configuration). */
    public PreviewLink createPreview(String slug, java.time.Duration lifetime, java.net.URI base) {
        Post post = posts.findBySlug(slug).orElseThrow(() -> noSuchPost(slug));
        requireOwner(post);
        java.time.Duration ttl = lifetime != null ? lifetime : editing.config.previewLifetime();
        if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(editing.config.maxPreviewLifetime()) > 0) {
            throw new InvalidInputException("ttl", "must be positive and at most " + editing.config.maxPreviewLifetime());
        }
        long expires = OffsetDateTime.now().plus(ttl).toEpochSecond();
        String data = post.id + "." + expires;
        String token = data + "." + editing.keys.sign("preview", data);
        return new PreviewLink(base.resolve("api/previews/" + token).toString(), token,
                OffsetDateTime.ofInstant(java.time.Instant.ofEpochSecond(expires), ZoneOffset.UTC));
    }

    /** The post a valid, unexpired preview token names, whatever its status. */
    public PostView getPreview(String token) {
        String[] parts = token.split("\\.");
        NoSuchItemException invalid = new NoSuchItemException("No preview for this link: it is invalid or has expired");
        if (parts.length != 3 || !parts[0].matches("\\d{1,18}") || !parts[1].matches("\\d{1,18}")) {
            throw invalid;
        }
        if (!editing.keys.verify("preview", parts[0] + "." + parts[1], parts[2])
                || Long.parseLong(parts[1]) < OffsetDateTime.now().toEpochSecond()) {
            throw invalid;
        }
        Post post = posts.findByIdOptional(Long.parseLong(parts[0])).filter(p -> p.deletedAt == null).orElseThrow(() -> invalid);
        return PostView.from(post);
    }

    // ---- Issue 4: imports -------------------------------------------------------------------------------------

    /** Refuses (400/422 as for a JSON post) what cannot be imported, before anything is written. */
    public void checkImportable(String slug, PostInput input) {
        check(input);
        givenSlug(slug);
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
}
