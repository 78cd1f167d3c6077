package dev.slugline.posts;

import dev.slugline.common.paging.Page;
import dev.slugline.common.sql.BulkSql;
import dev.slugline.common.sql.SqlValues;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
public class PostRepository implements PanacheRepository<Post> {

    /**
     * THE rule for "the public may see this post", for alias {@code p}: published, its date reached (by the
     * database's clock, so every instance agrees and a scheduled post appears at its moment without anyone
     * acting), not expired, not in the trash. Every public query (lists, single reads, search, feeds, sitemaps,
     * counts, archives, related posts) uses this or {@link #PUBLIC_SQL}; {@link Post#isPublicAt} is its Java twin.
     */
    public static final String PUBLIC = "(p.status = dev.slugline.posts.PostStatus.PUBLISHED"
            + " and (p.publishedInstant is null or p.publishedInstant <= instant)"
            + " and (p.expiresAt is null or p.expiresAt > instant)"
            + " and p.deletedAt is null and p.kind = 'post')";

    /** {@link #PUBLIC} for native SQL over table {@code post} aliased {@code p}. */
    public static final String PUBLIC_SQL = visibleSql("post");

    /** The same rule for standalone pages (V141), which no list, feed or count of posts shows. */
    public static final String PUBLIC_PAGE_SQL = visibleSql("page");

    /** Public posts and pages alike (the sitemap). */
    public static final String PUBLIC_ANY_SQL = visibleSql(null);

    private static String visibleSql(String kind) {
        return "(p.status = 'PUBLISHED'"
                + " and (p.published_at is null or p.published_at <= now())"
                + " and (p.expires_at is null or p.expires_at > now())"
                + " and p.deleted_at is null" + (kind == null ? "" : " and p.kind = '" + kind + "'") + ")";
    }

    /** {@link #PUBLIC} for another alias than {@code p}. */
    public static String publicRule(String alias) {
        return PUBLIC.replace("p.", alias + ".");
    }

    /** A post that is not in the trash, of any status. */
    public Optional<Post> findBySlug(String slug) {
        return find("slug = ?1 and deletedAt is null", slug).firstResultOptional();
    }

    /** Locks the row until the transaction ends, so a concurrent writer waits and then sees the new version. */
    public Optional<Post> findBySlugForUpdate(String slug) {
        return find("slug = ?1 and deletedAt is null", slug).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public Optional<Post> findPublishedBySlug(String slug) {
        return find("from Post p where p.slug = ?1 and " + PUBLIC, slug).firstResultOptional();
    }

    /** A public page (V141) and its bodies, read in one statement. */
    public Optional<WithBodies> findPublicPageWithBodiesBySlug(String slug) {
        return getEntityManager()
                .createQuery("select p, p.markdown, p.html from Post p where p.slug = :slug and "
                        + PUBLIC.replace("p.kind = 'post'", "p.kind = 'page'"), Object[].class)
                .setParameter("slug", slug)
                .getResultStream().findFirst()
                .map(row -> new WithBodies((Post) row[0], (String) row[1], (String) row[2]));
    }

    /** A public post and its bodies (lazy for list pages), read in one statement. */
    public record WithBodies(Post post, String markdown, String html) {
    }

    public Optional<WithBodies> findPublishedWithBodiesBySlug(String slug) {
        return getEntityManager()
                .createQuery("select p, p.markdown, p.html from Post p where p.slug = :slug and " + PUBLIC, Object[].class)
                .setParameter("slug", slug)
                .getResultStream().findFirst()
                .map(row -> new WithBodies((Post) row[0], (String) row[1], (String) row[2]));
    }

    /**
     * A post's categories, tags and authors as rows of kind ({@code category}, {@code tag} or {@code author}), slug
     * and name, in one statement; the authors in the post's order.
     */
    @SuppressWarnings("unchecked")
    public List<Object[]> termsOf(long postId) {
        return getEntityManager().createNativeQuery(
                        "select 'category', c.slug, c.name, 0 from post_category j join category c on c.id = j.category_id"
                                + " where j.post_id = :id"
                                + " union all select 'tag', t.slug, t.name, 0 from post_tag j join tag t on t.id = j.tag_id"
                                + " where j.post_id = :id"
                                + " union all select 'author', a.slug, a.name, j.position from post_author j"
                                + " join author a on a.id = j.author_id where j.post_id = :id order by 4")
                .setParameter("id", postId)
                .getResultList();
    }

    public long countPublic() {
        return count("from Post p where " + PUBLIC);
    }

    public boolean slugTaken(String slug) {
        return count("slug", slug) > 0;
    }

    /** Issue 4: the posts with these slugs, in one query (imports match files to posts by slug). */
    public List<Post> findBySlugs(java.util.Collection<String> slugs) {
        return slugs.isEmpty() ? List.of() : list("slug in ?1", slugs);
    }

    /** Issue 4: one page of all posts (any status) by id, for exports; bodies are read as they are written. */
    public List<Post> pageById(long afterId, int size) {
        return find("id > ?1", io.quarkus.panache.common.Sort.ascending("id"), afterId).page(0, size).list();
    }

    /** Slugs equal to {@code base} or of the form {@code base-<anything>}, to find the next free {@code -n}. */
    public List<String> slugsStartingWith(String base) {
        String pattern = base.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "-%";
        return find("select p.slug from Post p where p.slug = ?1 or p.slug like ?2 escape '\\'", base, pattern)
                .project(String.class).list();
    }

    /** The current slug of the public post that once had {@code formerSlug} (a rename or a Hugo alias). */
    @SuppressWarnings("unchecked")
    public Optional<String> currentSlugOfAlias(String formerSlug) {
        List<String> found = getEntityManager().createNativeQuery("select p.slug from post_alias a join post p"
                        + " on p.id = a.post_id where a.slug = :slug and " + PUBLIC_SQL)
                .setParameter("slug", formerSlug).getResultList();
        return found.stream().findFirst();
    }

    /** The post (of any status) that {@code formerSlug} leads to now, if any. */
    public Optional<Post> aliasOwner(String formerSlug) {
        List<?> ids = getEntityManager().createNativeQuery("select post_id from post_alias where slug = :slug")
                .setParameter("slug", formerSlug).getResultList();
        return ids.stream().findFirst().map(id -> findById(((Number) id).longValue()));
    }

    /** Makes {@code formerSlug} lead to {@code post}; an alias is never the slug of a post itself. */
    public void addAlias(Post post, String formerSlug) {
        getEntityManager().createNativeQuery("insert into post_alias (slug, post_id) values (:slug, :post)"
                        + " on conflict (slug) do update set post_id = excluded.post_id, created_at = now()")
                .setParameter("slug", formerSlug).setParameter("post", post.id).executeUpdate();
    }

    /** Forgets an alias that has become the slug of a post. */
    public void removeAlias(String slug) {
        getEntityManager().createNativeQuery("delete from post_alias where slug = :slug")
                .setParameter("slug", slug).executeUpdate();
    }

    /** The public posts just before and after this one by date: [previous (older), next (newer)], each or null. */
    @SuppressWarnings("unchecked")
    public List<Object[]> adjacent(Post post) {
        String columns = "p.slug, p.title, p.published_at, p.published_offset";
        String sql = "(select 'previous', " + columns + " from post p where " + PUBLIC_SQL
                + " and (p.published_at, p.id) < (:at, :id) order by p.published_at desc, p.id desc limit 1)"
                + " union all (select 'next', " + columns + " from post p where " + PUBLIC_SQL
                + " and (p.published_at, p.id) > (:at, :id) order by p.published_at, p.id limit 1)";
        return getEntityManager().createNativeQuery(sql)
                .setParameter("at", post.publishedAt).setParameter("id", post.id).getResultList();
    }

    /** Posts of one status as editors see it (not public): draft, scheduled, published or expired; all when null. */
    public List<Post> listForEditors(PostStatus status, boolean expired, String createdBy, Page.Request page) {
        return find("from Post p" + editorsWhere(status, expired, createdBy) + " order by p.updatedAt desc, p.id desc",
                editorsParameters(createdBy)).page(page.index(), page.size()).list();
    }

    public long countForEditors(PostStatus status, boolean expired, String createdBy) {
        return count("from Post p" + editorsWhere(status, expired, createdBy), editorsParameters(createdBy));
    }

    private static String editorsWhere(PostStatus status, boolean expired, String createdBy) {
        String where = " where p.deletedAt is null" + (createdBy != null ? " and p.createdBy = :createdBy" : "");
        if (expired) {
            return where + " and p.status = dev.slugline.posts.PostStatus.PUBLISHED and p.expiresAt <= instant";
        }
        if (status == null) {
            return where;
        }
        return where + switch (status) {
            case DRAFT -> " and p.status = dev.slugline.posts.PostStatus.DRAFT";
            case SCHEDULED -> " and p.status = dev.slugline.posts.PostStatus.PUBLISHED and p.publishedInstant > instant";
            case PUBLISHED -> " and " + PUBLIC;
        };
    }

    private static Parameters editorsParameters(String createdBy) {
        return createdBy == null ? new Parameters() : Parameters.with("createdBy", createdBy);
    }

    /** Posts whose publication is due but not yet announced, locked and skipped by other instances' schedulers. */
    public List<Post> lockDueUnannounced(int limit) {
        return find("from Post p where p.publishAnnounced = false and " + PUBLIC + " order by p.publishedInstant, p.id")
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint("jakarta.persistence.lock.timeout", -2)
                .page(0, limit).list();
    }

    /** Announced posts that have left public view by their expiry date alone, locked and skipped likewise. */
    public List<Post> lockExpiredAnnounced(int limit) {
        return find("from Post p where p.publishAnnounced = true and p.deletedAt is null"
                + " and p.expiresAt is not null and p.expiresAt <= instant order by p.expiresAt, p.id")
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint("jakarta.persistence.lock.timeout", -2)
                .page(0, limit).list();
    }

    public Optional<Post> findInTrash(String slug) {
        return find("slug = ?1 and deletedAt is not null", slug).firstResultOptional();
    }

    /** A post in the trash, locked like {@link #findBySlugForUpdate} so that restores are serialised with other writes. */
    public Optional<Post> findInTrashForUpdate(String slug) {
        return find("slug = ?1 and deletedAt is not null", slug).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** The trash, newest deletion first; with {@code createdBy}, only the posts that user created. */
    public List<Post> listTrash(Page.Request page, String createdBy) {
        Sort newest = Sort.descending("deletedAt").and("id", Sort.Direction.Descending);
        return (createdBy == null ? find("deletedAt is not null", newest)
                : find("deletedAt is not null and createdBy = ?1", newest, createdBy))
                .page(page.index(), page.size()).list();
    }

    public long countTrash(String createdBy) {
        return createdBy == null ? count("deletedAt is not null") : count("deletedAt is not null and createdBy = ?1", createdBy);
    }

    // ---- Issue 4: set-based writes of imports (one statement per table and chunk, see BulkSql) --------------

    /** What an import needs to know of the post that has a slug: no bodies, and whether it is in the trash. */
    public record ImportTarget(long id, String slug, String importHash, OffsetDateTime deletedAt, String deletedBy,
                               PostStatus status, OffsetDateTime publishedAt, OffsetDateTime expiresAt, long version,
                               String fileHash, OffsetDateTime updatedAt) {
    }

    /** The posts (any status, trashed too) with these slugs; {@code lock}: row locks until the transaction ends. */
    public Map<String, ImportTarget> findImportTargets(Collection<String> slugs, boolean lock) {
        Map<String, ImportTarget> bySlug = new HashMap<>();
        if (slugs.isEmpty()) {
            return bySlug;
        }
        BulkSql.query(getEntityManager(), "select p.id, p.slug, p.import_hash, p.deleted_at, p.deleted_by, p.status,"
                        + " p.published_at, p.published_offset, p.expires_at, p.version, f.file_hash, p.updated_at"
                        + " from post p left join post_import_file f on f.post_id = p.id where p.slug = any(?)"
                        + (lock ? " for update of p" : ""),
                row -> new ImportTarget(row.getLong(1), row.getString(2), row.getString(3),
                        row.getObject(4, OffsetDateTime.class), row.getString(5), PostStatus.valueOf(row.getString(6)),
                        SqlValues.dateTime(row.getObject(7, OffsetDateTime.class), row.getObject(8)),
                        row.getObject(9, OffsetDateTime.class), row.getLong(10), row.getString(11),
                        row.getObject(12, OffsetDateTime.class)),
                (Object) slugs.toArray(String[]::new)).forEach(t -> bySlug.put(t.slug(), t));
        return bySlug;
    }

    /** A file recognised by the hash of its bytes: the post it was imported as, and the warnings it had. */
    public record ImportedFile(String slug, String warningsJson, String kind) {
    }

    /**
     * The imported posts, by file hash, whose file had one of these hashes and that nothing has changed since
     * (their import_hash is still the one the file gave them) and that are not in the trash.
     */
    public Map<String, ImportedFile> findImportedFiles(Collection<String> fileHashes) {
        Map<String, ImportedFile> byHash = new HashMap<>();
        if (fileHashes.isEmpty()) {
            return byHash;
        }
        BulkSql.query(getEntityManager(), "select f.file_hash, p.slug, cast(f.warnings as text), p.kind from post_import_file f"
                        + " join post p on p.id = f.post_id and p.import_hash = f.import_hash"
                        + " where f.file_hash = any(?) and p.deleted_at is null",
                row -> Map.entry(row.getString(1), new ImportedFile(row.getString(2), row.getString(3),
                        row.getString(4))),
                (Object) fileHashes.toArray(String[]::new)).forEach(e -> byHash.put(e.getKey(), e.getValue()));
        return byHash;
    }

    /** The columns of imported posts, one array per column, one element per post. */
    public record ImportedRows(Long[] id, String[] slug, String[] title, String[] summary, String[] markdown,
                               String[] html, String[] status, String[] publishedAt, Integer[] publishedOffset,
                               Integer[] wordCount, Integer[] readingMinutes, String[] frontMatterJson,
                               String[] sourcePath, String[] importHash, String[] expiresAt,
                               Boolean[] publishAnnounced, String[] featureImageJson,
                               String[] featureImageSource) {

        public static ImportedRows of(int size) {
            return new ImportedRows(new Long[size], new String[size], new String[size], new String[size],
                    new String[size], new String[size], new String[size], new String[size], new Integer[size],
                    new Integer[size], new Integer[size], new String[size], new String[size], new String[size],
                    new String[size], new Boolean[size], new String[size], new String[size]);
        }

        Object[] columns() {
            return new Object[] {id, slug, title, summary, markdown, html, status, publishedAt, publishedOffset,
                    wordCount, readingMinutes, frontMatterJson, sourcePath, importHash, expiresAt, publishAnnounced,
                    featureImageJson, featureImageSource};
        }
    }

    private static final String ROWS = " from unnest(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) as r(id, slug, title,"
            + " summary, markdown, html, status, published_at, published_offset, word_count, reading_minutes,"
            + " front_matter, source_path, import_hash, expires_at, publish_announced, feature_image,"
            + " feature_image_source)";

    /** New posts, in one statement; version 0 as for a persisted entity. */
    public void insertImported(ImportedRows rows, OffsetDateTime now, String createdBy) {
        if (rows.id().length == 0) {
            return;
        }
        Object[] parameters = concat(new Object[] {now, now, createdBy}, rows.columns());
        BulkSql.execute(getEntityManager(), "insert into post (id, slug, title, summary, markdown, html, status,"
                + " published_at, published_offset, word_count, reading_minutes, front_matter, created_at, updated_at,"
                + " version, source_path, import_hash, created_by, expires_at, publish_announced, feature_image,"
                + " feature_image_source)"
                + " select r.id, r.slug, r.title, r.summary, r.markdown, r.html, r.status, cast(r.published_at as timestamptz),"
                + " r.published_offset, r.word_count, r.reading_minutes, cast(r.front_matter as jsonb), ?, ?, 0,"
                + " r.source_path, r.import_hash, ?, cast(r.expires_at as timestamptz), r.publish_announced,"
                + " cast(r.feature_image as jsonb), r.feature_image_source" + ROWS,
                parameters);
    }

    /** New content for existing posts (matched by id), in one statement; each version goes up by one. */
    public void updateImported(ImportedRows rows, OffsetDateTime now) {
        if (rows.id().length == 0) {
            return;
        }
        Object[] parameters = concat(new Object[] {now}, rows.columns());
        BulkSql.execute(getEntityManager(), "update post p set title = r.title, summary = r.summary,"
                + " markdown = r.markdown, html = r.html, status = r.status,"
                + " published_at = cast(r.published_at as timestamptz), published_offset = r.published_offset,"
                + " word_count = r.word_count, reading_minutes = r.reading_minutes,"
                + " front_matter = cast(r.front_matter as jsonb), updated_at = ?, version = p.version + 1,"
                + " source_path = r.source_path, import_hash = r.import_hash,"
                + " expires_at = cast(r.expires_at as timestamptz), publish_announced = r.publish_announced,"
                + " feature_image = cast(r.feature_image as jsonb), feature_image_source = r.feature_image_source"
                + ROWS + " where p.id = r.id", parameters);
    }

    /**
     * The categories and tags of imported posts: the old rows of the {@code replaced} posts go, then the pairs
     * (post id, term id) are inserted, one statement per table.
     */
    public void replaceImportedTerms(Long[] replaced, Long[] categoryPosts, Long[] categoryIds, Long[] tagPosts, Long[] tagIds) {
        if (replaced.length > 0) {
            BulkSql.execute(getEntityManager(), "delete from post_category where post_id = any(?)", (Object) replaced);
            BulkSql.execute(getEntityManager(), "delete from post_tag where post_id = any(?)", (Object) replaced);
        }
        if (categoryPosts.length > 0) {
            BulkSql.execute(getEntityManager(), "insert into post_category (post_id, category_id)"
                    + " select * from unnest(?, ?) on conflict do nothing", categoryPosts, categoryIds);
        }
        if (tagPosts.length > 0) {
            BulkSql.execute(getEntityManager(), "insert into post_tag (post_id, tag_id)"
                    + " select * from unnest(?, ?) on conflict do nothing", tagPosts, tagIds);
        }
    }

    /** The authors of imported posts, in order: the old rows of the {@code replaced} posts go, then the new ones. */
    public void replaceImportedAuthors(Long[] replaced, Long[] postIds, Integer[] positions, Long[] authorIds) {
        if (replaced.length > 0) {
            BulkSql.execute(getEntityManager(), "delete from post_author where post_id = any(?)", (Object) replaced);
        }
        if (postIds.length > 0) {
            BulkSql.execute(getEntityManager(), "insert into post_author (post_id, position, author_id)"
                    + " select * from unnest(?, ?, ?)", postIds, positions, authorIds);
        }
    }

    /**
     * Former slugs (Hugo {@code aliases}) of imported posts, as {@link #addAlias} and {@link #removeAlias} do for
     * one post: an alias that has become a post's slug goes, the aliases given lead to their post.
     */
    public void replaceImportedAliases(String[] postSlugs, String[] aliases, Long[] aliasPosts) {
        if (postSlugs.length > 0) {
            BulkSql.execute(getEntityManager(), "delete from post_alias where slug = any(?)", (Object) postSlugs);
        }
        if (aliases.length > 0) {
            BulkSql.execute(getEntityManager(), "insert into post_alias (slug, post_id) select * from unnest(?, ?)"
                    + " on conflict (slug) do update set post_id = excluded.post_id, created_at = now()", aliases, aliasPosts);
        }
    }

    /**
     * The former paths of imported posts ({@code ids}): what they had goes, the paths given lead to their post
     * (a path another post had before is taken over, as the last write wins).
     */
    public void replaceImportedFormerPaths(Long[] ids, String[] paths, Long[] pathPosts) {
        if (ids.length > 0) {
            BulkSql.execute(getEntityManager(), "delete from post_former_path where post_id = any(?)", (Object) ids);
        }
        if (paths.length > 0) {
            BulkSql.execute(getEntityManager(), "insert into post_former_path (path, post_id) select * from unnest(?, ?)"
                    + " on conflict (path) do update set post_id = excluded.post_id, created_at = now()", paths, pathPosts);
        }
    }

    /** The current slug of the public post that was served at {@code path} (normalised, {@link FormerPaths}). */
    @SuppressWarnings("unchecked")
    public Optional<String> currentSlugOfFormerPath(String path) {
        List<String> found = getEntityManager().createNativeQuery("select p.slug from post_former_path f join post p"
                        + " on p.id = f.post_id where f.path = :path and " + PUBLIC_SQL)
                .setParameter("path", path).getResultList();
        return found.stream().findFirst();
    }

    /** Former paths (normalised) of the posts with these slugs, to the slug (any status, not in the trash). */
    public Map<String, String> formerPathsOf(Collection<String> slugs) {
        if (slugs.isEmpty()) {
            return Map.of();
        }
        Map<String, String> paths = new HashMap<>();
        BulkSql.query(getEntityManager(), "select f.path, p.slug from post_former_path f join post p on p.id = f.post_id"
                + " where p.slug = any(?) and p.deleted_at is null", row -> paths.put(row.getString(1), row.getString(2)),
                (Object) slugs.toArray(String[]::new));
        return paths;
    }

    /** What each imported post was imported from (see V70__create_post_import_file.sql). */
    public void saveImportedFiles(Long[] postIds, String[] fileHashes, String[] importHashes, String[] warningsJson) {
        if (postIds.length == 0) {
            return;
        }
        BulkSql.execute(getEntityManager(), "insert into post_import_file (post_id, file_hash, import_hash, warnings)"
                + " select r.post_id, r.file_hash, r.import_hash, cast(r.warnings as jsonb)"
                + " from unnest(?, ?, ?, ?) as r(post_id, file_hash, import_hash, warnings)"
                + " on conflict (post_id) do update set file_hash = excluded.file_hash,"
                + " import_hash = excluded.import_hash, warnings = excluded.warnings",
                postIds, fileHashes, importHashes, warningsJson);
    }

    /**
     * Leaves the search vectors of the posts this transaction writes null, for the search indexer to fill in
     * after it (see V71__defer_post_search_vector.sql).
     */
    public void deferSearchVectors() {
        BulkSql.query(getEntityManager(), "select set_config('slugline.defer_search_vector', 'on', true)", row -> 1);
    }

    /** Ids for new posts from the entity's own generator (post_seq, allocation 50). */
    public Long[] newIds(int count) {
        return BulkSql.newIds(getEntityManager(), Post.class, count);
    }

    private static Object[] concat(Object[] first, Object[] second) {
        Object[] all = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    /** Deletes for good the posts that have been in the trash since before {@code cutoff}. */
    public long purgeTrashedBefore(java.time.OffsetDateTime cutoff) {
        // a bulk delete of no rows still fires the statement triggers that move content_version, emptying every
        // instance's response cache for nothing (and this runs at every start)
        if (count("deletedAt is not null and deletedAt < ?1", cutoff) == 0) {
            return 0;
        }
        return delete("deletedAt is not null and deletedAt < ?1", cutoff);
    }
}
