package dev.slugline.posts;

import dev.slugline.common.paging.Page;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class PostRepository implements PanacheRepository<Post> {

    /**
     * THE rule of which posts readers see, as an SQL condition on table {@code post} aliased {@code p}. Every
     * public read (single post, lists, search, related, archive, feeds, sitemap, term counts) uses it; change
     * it here and nowhere else.
     */
    public static final String PUBLIC = "p.status = 'PUBLISHED'";

    public Optional<Post> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    /** Locks the row until the transaction ends, so a concurrent writer waits and then sees the new version. */
    public Optional<Post> findBySlugForUpdate(String slug) {
        return find("slug", slug).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    @SuppressWarnings("unchecked")
    public Optional<Post> findPublishedBySlug(String slug) {
        List<Number> ids = getEntityManager()
                .createNativeQuery("select p.id from post p where p.slug = :slug and " + PUBLIC)
                .setParameter("slug", slug).getResultList();
        return ids.stream().findFirst().map(id -> findById(id.longValue()));
    }

    public boolean slugTaken(String slug) {
        return count("slug", slug) > 0;
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
                        + " on p.id = a.post_id where a.slug = :slug and " + PUBLIC)
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
        String sql = "(select 'previous', " + columns + " from post p where " + PUBLIC
                + " and (p.published_at, p.id) < (:at, :id) order by p.published_at desc, p.id desc limit 1)"
                + " union all (select 'next', " + columns + " from post p where " + PUBLIC
                + " and (p.published_at, p.id) > (:at, :id) order by p.published_at, p.id limit 1)";
        return getEntityManager().createNativeQuery(sql)
                .setParameter("at", post.publishedAt).setParameter("id", post.id).getResultList();
    }
}
