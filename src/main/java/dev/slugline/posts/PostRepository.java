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

    public Optional<Post> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    /** Locks the row until the transaction ends, so a concurrent writer waits and then sees the new version. */
    public Optional<Post> findBySlugForUpdate(String slug) {
        return find("slug", slug).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public Optional<Post> findPublishedBySlug(String slug) {
        return find("slug = ?1 and status = ?2", slug, PostStatus.PUBLISHED).firstResultOptional();
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

    /** Published posts, newest first, optionally only those with a tag and/or a category (by slug). */
    public List<Post> listPublished(PostFilter filter, Page.Request page) {
        return find("select p " + publishedFrom(filter) + " order by p.publishedAt desc nulls last, p.id desc",
                parameters(filter)).page(page.index(), page.size()).list();
    }

    public long countPublished(PostFilter filter) {
        return count(publishedFrom(filter), parameters(filter));
    }

    private static String publishedFrom(PostFilter filter) {
        return "from Post p"
                + (filter.tag() != null ? " join p.tags t" : "")
                + (filter.category() != null ? " join p.categories c" : "")
                + " where p.status = :published"
                + (filter.tag() != null ? " and t.slug = :tag" : "")
                + (filter.category() != null ? " and c.slug = :category" : "");
    }

    private static Parameters parameters(PostFilter filter) {
        Parameters parameters = Parameters.with("published", PostStatus.PUBLISHED);
        if (filter.tag() != null) {
            parameters.and("tag", filter.tag());
        }
        if (filter.category() != null) {
            parameters.and("category", filter.category());
        }
        return parameters;
    }
}
