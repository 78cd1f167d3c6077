package dev.slugline.posts;

import dev.slugline.authors.Author;
import dev.slugline.authors.AuthorService;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.slugline.common.config.SluglineConfig;
import dev.slugline.common.text.Slugs;
import dev.slugline.posts.PostRepository.ImportTarget;
import dev.slugline.posts.PostRepository.ImportedRows;
import dev.slugline.rendering.FeatureImage;
import dev.slugline.rendering.RenderedMarkdown;
import dev.slugline.security.CurrentEditor;
import dev.slugline.taxonomy.Category;
import dev.slugline.taxonomy.Tag;
import dev.slugline.taxonomy.TaxonomyService;
import dev.slugline.webhooks.WebhookService;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Issue 4: the posts of an import, a chunk of files per transaction, written set-based (one statement per table
 * and chunk: posts, terms, aliases, revisions, outbox events) instead of entity by entity. A post gets what any
 * other write gives it ({@link PostService}'s content rules, a revision, its webhook event, a content_version
 * bump by the tables' triggers); the rendering and hashing, pure CPU work, are done by the caller beforehand.
 */
@ApplicationScoped
public class PostImportService {

    /** What an import did, or would do, to one post. */
    public enum Outcome { CREATED, UPDATED, UNCHANGED, FAILED, CONFLICT }

    /**
     * The outcome for one file; {@code reason} says why it failed or conflicts. CONFLICT: the post with its slug
     * was written through the API (not by an import) since it was last imported, or never was; the import leaves
     * it as it is unless told to overwrite.
     */
    public record Result(Outcome outcome, String reason) {
        static final Result CREATED = new Result(Outcome.CREATED, null);
        static final Result UPDATED = new Result(Outcome.UPDATED, null);
        static final Result UNCHANGED = new Result(Outcome.UNCHANGED, null);
    }

    /**
     * One file of an import, read and rendered: the post it describes under the slug it claims, where it came
     * from, the URLs its relative images render as ({@code imageUrls}: destination as written to media URL), its
     * {@link #importHash}, the hash of the file's bytes, the warnings it was read with and the paths the post had on
     * the site it comes from ({@code formerPaths}, normalised by {@link FormerPaths}: they lead to it from now on).
     */
    public record Item(String slug, PostInput input, String sourcePath, Map<String, String> imageUrls,
                       RenderedMarkdown rendered, String importHash, String fileHash, List<String> warnings,
                       List<String> formerPaths) {
        public Item(String slug, PostInput input, String sourcePath, Map<String, String> imageUrls,
                    RenderedMarkdown rendered, String importHash, String fileHash, List<String> warnings) {
            this(slug, input, sourcePath, imageUrls, rendered, importHash, fileHash, warnings, List.of());
        }
    }

    /** An import has finished writing (a CDI event: search indexes what it left for later). */
    public record Finished(int posts) {
    }

    /** A file recognised by the hash of its bytes: the slug of its post and the warnings it was read with. */
    /** {@code page}: the file is a standalone page (V141). */
    public record UnchangedFile(String slug, List<String> warnings, boolean page) {
    }

    private final PostRepository posts;
    private final PostRevisionRepository revisions;
    private final TaxonomyService taxonomy;
    private final AuthorService authorService;
    private final WebhookService webhooks;
    private final CurrentEditor editor;
    private final ObjectMapper json;
    private final SluglineConfig config;

    private final Event<Finished> finished;
    private final java.util.concurrent.atomic.AtomicInteger importing = new java.util.concurrent.atomic.AtomicInteger();

    public PostImportService(PostRepository posts, PostRevisionRepository revisions, TaxonomyService taxonomy,
                             AuthorService authorService, WebhookService webhooks, CurrentEditor editor, ObjectMapper json, SluglineConfig config,
                             Event<Finished> finished) {
        this.finished = finished;
        this.authorService = authorService;
        this.posts = posts;
        this.revisions = revisions;
        this.taxonomy = taxonomy;
        this.webhooks = webhooks;
        this.editor = editor;
        this.json = json;
        this.config = config;
    }

    /**
     * The files, by the hash of their bytes, that were imported before exactly so and whose posts nothing has
     * changed since (not in the trash either): these are unchanged without being read. One query.
     */
    public Map<String, UnchangedFile> findUnchanged(Collection<String> fileHashes) {
        Map<String, UnchangedFile> unchanged = new LinkedHashMap<>();
        posts.findImportedFiles(fileHashes).forEach((hash, file) -> {
            try {
                unchanged.put(hash, new UnchangedFile(file.slug(), List.of(json.readValue(file.warningsJson(), String[].class)),
                        "page".equals(file.kind())));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        });
        return unchanged;
    }

    /** What importing these items would do, writing nothing (a dry run). One query. */
    public List<Result> plan(List<Item> items, boolean overwrite) {
        Map<String, ImportTarget> targets = posts.findImportTargets(items.stream().map(Item::slug).toList(), false);
        return items.stream().map(item -> classify(item, targets.get(item.slug()), overwrite)).toList();
    }

    /**
     * Creates or updates the posts of these items, matched by slug, in one transaction with a fixed number of
     * statements. The posts with these slugs are locked first; an item whose import hash equals its post's is
     * unchanged and not written; a slug that belongs to a post in the trash is refused for that item only, and
     * so is one whose post was written through the API since (CONFLICT) unless {@code overwrite}.
     * {@code author} (the importing user) is passed in, as the chunks may be written on another thread.
     */
    @Transactional
    public List<Result> importAll(List<Item> items, String author, boolean overwrite) {
        // the search vectors of these posts are filled in after the import (SearchIndexer), not in this transaction
        posts.deferSearchVectors();
        OffsetDateTime now = now();
        Map<String, ImportTarget> targets = posts.findImportTargets(items.stream().map(Item::slug).toList(), true);
        List<Result> results = new ArrayList<>(items.size());
        List<Item> created = new ArrayList<>();
        List<Item> updated = new ArrayList<>();
        List<Item> refreshed = new ArrayList<>();
        for (Item item : items) {
            ImportTarget target = targets.get(item.slug());
            Result result = classify(item, target, overwrite);
            results.add(result);
            switch (result.outcome()) {
                case CREATED -> created.add(item);
                case UPDATED -> updated.add(item);
                case UNCHANGED -> {
                    if (!item.fileHash().equals(target.fileHash())) {
                        refreshed.add(item); // same post from different bytes: remember these bytes
                    }
                }
                case FAILED, CONFLICT -> { }
            }
        }
        if (created.isEmpty() && updated.isEmpty() && refreshed.isEmpty()) {
            return results;
        }
        List<Item> written = new ArrayList<>(created);
        written.addAll(updated);
        Long[] newIds = posts.newIds(created.size());
        Long[] ids = new Long[written.size()];
        for (int i = 0; i < written.size(); i++) {
            ids[i] = i < created.size() ? newIds[i] : targets.get(written.get(i).slug()).id();
        }

        // terms: one insert of the missing ones and one select per kind
        Map<String, String> categoryNames = new LinkedHashMap<>();
        Map<String, String> tagNames = new LinkedHashMap<>();
        List<Map<String, String>> itemCategories = new ArrayList<>();
        List<Map<String, String>> itemTags = new ArrayList<>();
        Map<String, String> authorNames = new LinkedHashMap<>();
        List<Map<String, String>> itemAuthors = new ArrayList<>();
        for (Item item : written) {
            // a file that names no author is by the account that imports it, as a post written through the API
            Map<String, String> named = AuthorService.parseNames(item.input().authors());
            Map<String, String> postAuthors = named.isEmpty() ? AuthorService.accountAuthor(author) : named;
            postAuthors.forEach(authorNames::putIfAbsent);
            itemAuthors.add(postAuthors);
            Map<String, String> categories = taxonomy.parseNames("categories", item.input().categories());
            Map<String, String> tags = taxonomy.parseNames("tags", item.input().tags());
            categories.forEach(categoryNames::putIfAbsent);
            tags.forEach(tagNames::putIfAbsent);
            itemCategories.add(categories);
            itemTags.add(tags);
        }
        Map<String, Category> categories = taxonomy.categoriesBySlug(categoryNames);
        Map<String, Tag> tags = taxonomy.tagsBySlug(tagNames);
        Map<String, Author> authorsBySlug = authorService.authorsBySlug(authorNames);

        ImportedRows newRows = ImportedRows.of(created.size());
        ImportedRows changedRows = ImportedRows.of(updated.size());
        List<Long> categoryPosts = new ArrayList<>();
        List<Long> categoryIds = new ArrayList<>();
        List<Long> tagPosts = new ArrayList<>();
        List<Long> tagIds = new ArrayList<>();
        List<Long> authorPosts = new ArrayList<>();
        List<Integer> authorPositions = new ArrayList<>();
        List<Long> authorIds = new ArrayList<>();
        Map<String, Long> aliases = new LinkedHashMap<>();
        Map<String, Long> formerPaths = new LinkedHashMap<>();
        String[] revisionContent = new String[written.size()];
        List<WebhookService.Event> events = new ArrayList<>();
        for (int i = 0; i < written.size(); i++) {
            Item item = written.get(i);
            boolean isNew = i < created.size();
            ImportTarget target = isNew ? null : targets.get(item.slug());
            PostInput in = item.input();
            // an imported post without a date keeps none: the report warns, nothing is invented
            PostContent content = PostContent.of(in, item.rendered(), in.publishedAt(), config);
            PostStatus status = content.status();
            OffsetDateTime publishedAt = content.publishedAt();
            String title = content.title();
            String summary = content.summary();
            Map<String, Object> frontMatter = content.frontMatter();
            boolean wasPublic = target != null
                    && Post.isPublic(target.status(), target.publishedAt(), target.expiresAt(), target.deletedAt(), now);
            boolean isPublic = Post.isPublic(status, publishedAt, content.expiresAt(), null, now);

            ImportedRows rows = isNew ? newRows : changedRows;
            int row = isNew ? i : i - created.size();
            rows.id()[row] = ids[i];
            rows.slug()[row] = item.slug();
            rows.title()[row] = title;
            rows.summary()[row] = summary;
            rows.markdown()[row] = content.markdown();
            rows.html()[row] = content.html();
            rows.status()[row] = status.name();
            rows.publishedAt()[row] = publishedAt == null ? null : publishedAt.toString();
            rows.publishedOffset()[row] = publishedAt == null ? null : publishedAt.getOffset().getTotalSeconds();
            rows.wordCount()[row] = content.wordCount();
            rows.readingMinutes()[row] = content.readingMinutes();
            rows.frontMatterJson()[row] = write(frontMatter);
            rows.sourcePath()[row] = item.sourcePath();
            rows.importHash()[row] = item.importHash();
            rows.expiresAt()[row] = content.expiresAt() == null ? null : content.expiresAt().toString();
            rows.publishAnnounced()[row] = isPublic; // a scheduled post is announced by the scheduler when its time comes
            // relative paths lead to the media the import resolved them to, as the images of the Markdown do
            FeatureImage image = FeatureImage.of(frontMatter, item.imageUrls()::get);
            rows.featureImageJson()[row] = image == null ? null : write(image);
            rows.featureImageSource()[row] = FeatureImage.resolvedSource(frontMatter, item.imageUrls()::get);

            List<String> categoryList = new ArrayList<>();
            for (String slug : itemCategories.get(i).keySet()) {
                Category category = categories.get(slug);
                categoryPosts.add(ids[i]);
                categoryIds.add(category.id);
                categoryList.add(category.name);
            }
            List<String> tagList = new ArrayList<>();
            for (String slug : itemTags.get(i).keySet()) {
                Tag tag = tags.get(slug);
                tagPosts.add(ids[i]);
                tagIds.add(tag.id);
                tagList.add(tag.name);
            }
            List<Author> postAuthors = itemAuthors.get(i).keySet().stream().map(authorsBySlug::get).distinct().toList();
            for (int position = 0; position < postAuthors.size(); position++) {
                authorPosts.add(ids[i]);
                authorPositions.add(position);
                authorIds.add(postAuthors.get(position).id);
            }
            for (String alias : PostService.frontMatterAliases(frontMatter)) {
                if (!alias.equals(item.slug())) {
                    aliases.remove(alias); // the last file that names an alias has it, as one write after another would
                    aliases.put(alias, ids[i]);
                }
            }
            Long id = ids[i];
            for (String path : item.formerPaths()) {
                formerPaths.remove(path);
                formerPaths.put(path, id);
                // the last segment of a former path is a former slug too (GET /api/posts/{it} answers 301), unless
                // an alias of the front matter already names it
                Slugs.normalizeGiven(FormerPaths.lastSegment(path)).filter(alias -> !alias.equals(item.slug()))
                        .ifPresent(alias -> aliases.putIfAbsent(alias, id));
            }
            // the revision: the post as PostHistory.toInput sees it after the write
            revisionContent[i] = write(new PostInput(title, item.slug(), summary, content.markdown(), status, publishedAt,
                    sorted(categoryList), sorted(tagList), new LinkedHashMap<>(frontMatter), content.expiresAt(), null,
                    postAuthors.stream().map(a -> a.name).toList()));
            String event = PostHistory.changeEvent(wasPublic, isPublic);
            if (event != null) {
                long version = isNew ? 0 : target.version() + 1;
                events.add(new WebhookService.Event(event, PostHistory.payload(ids[i], item.slug(), title,
                        Post.effectiveStatus(status, publishedAt, now), publishedAt, version)));
            }
        }
        aliases.keySet().removeAll(written.stream().map(Item::slug).toList());

        posts.insertImported(newRows, now, author);
        posts.updateImported(changedRows, now);
        posts.replaceImportedTerms(changedRows.id(), categoryPosts.toArray(Long[]::new), categoryIds.toArray(Long[]::new),
                tagPosts.toArray(Long[]::new), tagIds.toArray(Long[]::new));
        posts.replaceImportedAuthors(changedRows.id(), authorPosts.toArray(Long[]::new),
                authorPositions.toArray(Integer[]::new), authorIds.toArray(Long[]::new));
        posts.replaceImportedAliases(written.stream().map(Item::slug).toArray(String[]::new),
                aliases.keySet().toArray(String[]::new), aliases.values().toArray(Long[]::new));
        posts.replaceImportedFormerPaths(ids, formerPaths.keySet().toArray(String[]::new),
                formerPaths.values().toArray(Long[]::new));
        revisions.insertAll(ids, revisionContent, "import", author, now);

        List<Item> remembered = new ArrayList<>(written);
        remembered.addAll(refreshed);
        Long[] rememberedIds = Arrays.copyOf(ids, remembered.size());
        for (int i = written.size(); i < remembered.size(); i++) {
            rememberedIds[i] = targets.get(remembered.get(i).slug()).id();
        }
        posts.saveImportedFiles(rememberedIds, remembered.stream().map(Item::fileHash).toArray(String[]::new),
                remembered.stream().map(Item::importHash).toArray(String[]::new),
                remembered.stream().map(item -> write(item.warnings())).toArray(String[]::new));
        webhooks.enqueueAll(events);
        posts.getEntityManager().clear();
        Log.debugf("Imported %d new and %d changed posts", created.size(), updated.size());
        return results;
    }

    /** The user who imports: the author of the posts and revisions an import writes. */
    public String author() {
        return editor.username();
    }

    /** An import is starting on this instance (until {@link #finished}); search indexing waits for it. */
    public void started() {
        importing.incrementAndGet();
    }

    /** Whether an import is running on this instance. */
    public boolean importing() {
        return importing.get() > 0;
    }

    /** An import has ended, having written {@code posts} posts: tells whoever cares (search). */
    public void finished(int posts) {
        importing.decrementAndGet();
        if (posts > 0) {
            finished.fire(new Finished(posts));
        }
    }

    private static Result classify(Item item, ImportTarget target, boolean overwrite) {
        if (target == null) {
            return Result.CREATED;
        }
        if (target.deletedAt() != null) {
            return new Result(Outcome.FAILED, "conflict: slug '" + item.slug() + "' belongs to a post in the trash"
                    + " (deleted " + target.deletedAt().truncatedTo(ChronoUnit.SECONDS)
                    + (target.deletedBy() != null ? " by " + target.deletedBy() : "")
                    + "); restore it (POST /api/trash/" + item.slug() + "/restore) and import again to update it");
        }
        if (target.importHash() == null && !overwrite) {
            // every write through the API clears import_hash (PostService.apply): the post holds an editor's work
            String written = "(ETag \"" + target.id() + "." + target.version() + "\", updated "
                    + target.updatedAt().truncatedTo(ChronoUnit.SECONDS) + ")";
            return new Result(Outcome.CONFLICT, (target.fileHash() != null
                    ? "conflict: post '" + item.slug() + "' was changed through the API after it was last imported " + written
                    : "conflict: slug '" + item.slug() + "' belongs to a post written through the API, not by an import " + written)
                    + "; nothing written. Import with onConflict=overwrite to replace it with this file");
        }
        return item.importHash().equals(target.importHash()) ? Result.UNCHANGED : Result.UPDATED;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> sorted(List<String> names) {
        return names.stream().sorted().toList();
    }

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    /** SHA-256 over everything an imported file decides about its post; equal on re-import means unchanged. */
    public static String importHash(String slug, PostInput in, String sourcePath, Map<String, String> imageUrls) {
        return importHash(slug, in, sourcePath, imageUrls, Map.of(), List.of());
    }

    /**
     * {@link #importHash(String, PostInput, String, Map)} with the links pointed at other posts' new paths and the
     * paths the post had on its old site (both left out when empty, so hashes stored before stay valid).
     */
    public static String importHash(String slug, PostInput in, String sourcePath, Map<String, String> imageUrls,
                                    Map<String, String> linkUrls, List<String> formerPaths) {
        List<Object> parts = new ArrayList<>(Arrays.asList(slug, in.title(), in.summary(), in.markdown(),
                String.valueOf(in.status()), String.valueOf(in.publishedAt()), in.categories(), in.tags(),
                in.frontMatter(), sourcePath, imageUrls == null ? Map.of() : new TreeMap<>(imageUrls)));
        if (in.expiresAt() != null) {
            // added when expiryDate became a field; absent otherwise, so hashes stored before stay valid
            parts.add(in.expiresAt().toString());
        }
        if (!linkUrls.isEmpty() || !formerPaths.isEmpty()) {
            parts.add(new TreeMap<>(linkUrls));
            parts.add(formerPaths);
        }
        if (in.authors() != null && !in.authors().isEmpty()) {
            parts.add(in.authors()); // issue 15; absent without authors, so hashes stored before stay valid
        }
        try {
            // the JSON goes straight into the digest: the same bytes, no copy of the post held in between
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            CANONICAL.writeValue(new DigestOutputStream(OutputStream.nullOutputStream(), sha), parts);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
