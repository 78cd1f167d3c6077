package dev.slugline.posts;

import dev.slugline.common.paging.Page;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;
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
            + " and p.deletedAt is null)";

    /** {@link #PUBLIC} for native SQL over table {@code post} aliased {@code p}. */
    public static final String PUBLIC_SQL = "(p.status = 'PUBLISHED'"
            + " and (p.published_at is null or p.published_at <= now())"
            + " and (p.expires_at is null or p.expires_at > now())"
            + " and p.deleted_at is null)";

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

    public List<Post> listTrash(Page.Request page) {
        return find("deletedAt is not null", Sort.descending("deletedAt").and("id", Sort.Direction.Descending))
                .page(page.index(), page.size()).list();
    }

    public long countTrash() {
        return count("deletedAt is not null");
    }

    /** Deletes for good the posts that have been in the trash since before {@code cutoff}. */
    public long purgeTrashedBefore(java.time.OffsetDateTime cutoff) {
        return delete("deletedAt is not null and deletedAt < ?1", cutoff);
    }
}
