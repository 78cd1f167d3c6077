package dev.slugline.authors;

import dev.slugline.common.paging.Page;
import dev.slugline.posts.PostRepository;
import dev.slugline.taxonomy.TermRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Authors and, through {@code post_author}, the posts they wrote; the term queries come from {@link TermRepository}. */
@ApplicationScoped
public class AuthorRepository implements TermRepository<Author> {

    private static final String COLUMNS = "a.slug, a.name, a.description, a.profile_image, a.cover_image, a.website,"
            + " a.location, count(p.id)";
    private static final String WITH_PUBLIC_POSTS = " from author a left join post_author j on j.author_id = a.id"
            + " left join post p on p.id = j.post_id and " + PostRepository.PUBLIC_SQL;
    private static final String GROUP = " group by a.id";

    @Override
    public String table() {
        return "author";
    }

    /** Authors by name with their numbers of public posts; with {@code publicOnly} only those with at least one. */
    @SuppressWarnings("unchecked")
    public List<AuthorView> listViews(Page.Request page, boolean publicOnly) {
        List<Object[]> rows = getEntityManager().createNativeQuery("select " + COLUMNS + WITH_PUBLIC_POSTS + GROUP
                        + (publicOnly ? " having count(p.id) > 0" : "") + " order by lower(a.name), a.slug"
                        + " limit :limit offset :offset")
                .setParameter("limit", page.size())
                .setParameter("offset", page.offset())
                .getResultList();
        return rows.stream().map(AuthorRepository::view).toList();
    }

    /** Every author that public posts carry, by name: Ghost's {@code limit=all}. Bounded by the number of authors. */
    @SuppressWarnings("unchecked")
    public List<AuthorView> listPublicViews() {
        List<Object[]> rows = getEntityManager().createNativeQuery("select " + COLUMNS + WITH_PUBLIC_POSTS + GROUP
                + " having count(p.id) > 0 order by lower(a.name), a.slug").getResultList();
        return rows.stream().map(AuthorRepository::view).toList();
    }

    @SuppressWarnings("unchecked")
    public Optional<AuthorView> findView(String slug) {
        List<Object[]> rows = getEntityManager().createNativeQuery("select " + COLUMNS + WITH_PUBLIC_POSTS
                + " where a.slug = :slug" + GROUP).setParameter("slug", slug).getResultList();
        return rows.stream().findFirst().map(AuthorRepository::view);
    }

    /** The authors of these posts, each post's in its order; posts without any are absent. */
    @SuppressWarnings("unchecked")
    public Map<Long, List<AuthorView>> ofPosts(List<Long> postIds) {
        Map<Long, List<AuthorView>> byPost = new LinkedHashMap<>();
        if (postIds.isEmpty()) {
            return byPost;
        }
        List<Object[]> rows = getEntityManager().createNativeQuery("select j.post_id, a.slug, a.name, a.description,"
                        + " a.profile_image, a.cover_image, a.website, a.location, 0"
                        + " from post_author j join author a on a.id = j.author_id"
                        + " where j.post_id in (:ids) order by j.post_id, j.position")
                .setParameter("ids", postIds)
                .getResultList();
        for (Object[] row : rows) {
            Object[] rest = java.util.Arrays.copyOfRange(row, 1, row.length);
            byPost.computeIfAbsent(((Number) row[0]).longValue(), id -> new ArrayList<>()).add(view(rest));
        }
        return byPost;
    }

    private static AuthorView view(Object[] row) {
        return new AuthorView((String) row[0], (String) row[1], (String) row[2], (String) row[3], (String) row[4],
                (String) row[5], (String) row[6], ((Number) row[7]).longValue());
    }
}
