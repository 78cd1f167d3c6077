package dev.slugline.taxonomy;

import dev.slugline.common.paging.Page;
import dev.slugline.posts.PostRepository;
import io.quarkus.hibernate.orm.panache.PanacheRepository;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Queries shared by the category and tag repositories; each names its own tables. */
public interface TermRepository<T extends Term> extends PanacheRepository<T> {

    /** The term table; its join table with posts is {@code post_<table>} with column {@code <table>_id}. */
    String table();

    default Optional<T> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    /**
     * Returns the terms with these slugs, inserting the missing ones: one multi-row insert per 1,000 terms and one
     * select, never a round trip per term. {@code on conflict do nothing} makes two requests that bring the same new
     * tag at once both succeed instead of one failing on the unique slug.
     */
    default List<T> findOrCreateAll(Map<String, String> namesBySlug) {
        if (namesBySlug.isEmpty()) {
            return List.of();
        }
        List<Map.Entry<String, String>> entries = new java.util.ArrayList<>(namesBySlug.entrySet());
        List<T> found = new java.util.ArrayList<>();
        for (int from = 0; from < entries.size(); from += 1000) {
            List<Map.Entry<String, String>> chunk = entries.subList(from, Math.min(entries.size(), from + 1000));
            StringBuilder sql = new StringBuilder("insert into " + table() + " (id, slug, name) values ");
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append("(nextval('").append(table()).append("_seq'), ?")
                        .append(2 * i + 1).append(", ?").append(2 * i + 2).append(')');
            }
            sql.append(" on conflict (slug) do nothing");
            jakarta.persistence.Query insert = getEntityManager().createNativeQuery(sql.toString());
            for (int i = 0; i < chunk.size(); i++) {
                insert.setParameter(2 * i + 1, chunk.get(i).getKey());
                insert.setParameter(2 * i + 2, chunk.get(i).getValue());
            }
            insert.executeUpdate();
            found.addAll(list("slug in ?1", chunk.stream().map(Map.Entry::getKey).toList()));
        }
        return found;
    }

    /**
     * The terms these names stand for, by the slug of each name given, inserting the missing ones: a name is the
     * term of that name first (case aside), whatever its slug (an editor may have renamed {@code k8s} to
     * {@code Kubernetes}: writing a post with the name it shows must not make a new term), else the term with its slug.
     */
    default Map<String, T> findOrCreateByName(Map<String, String> namesBySlug) {
        Map<String, T> bySlug = new java.util.LinkedHashMap<>();
        if (namesBySlug.isEmpty()) {
            return bySlug;
        }
        Map<String, T> byName = new java.util.HashMap<>();
        withNames(namesBySlug.values()).forEach(t -> byName.putIfAbsent(t.name.toLowerCase(java.util.Locale.ROOT), t));
        Map<String, String> missing = new java.util.LinkedHashMap<>();
        namesBySlug.forEach((slug, name) -> {
            T named = byName.get(name.toLowerCase(java.util.Locale.ROOT));
            if (named != null) {
                bySlug.put(slug, named);
            } else {
                missing.put(slug, name);
            }
        });
        findOrCreateAll(missing).forEach(t -> bySlug.put(t.slug, t));
        return bySlug;
    }

    /** The terms with any of these names, case aside, the oldest first. */
    default List<T> withNames(java.util.Collection<String> names) {
        return list("lower(name) in ?1 order by id",
                names.stream().map(n -> n.toLowerCase(java.util.Locale.ROOT)).distinct().toList());
    }

    /**
     * Terms with the number of public posts that carry them, by name: with {@code publicOnly}, only terms that at
     * least one public post carries (a name only drafts use is nobody's business yet).
     */
    @SuppressWarnings("unchecked")
    default List<TermView> listWithPublishedCounts(Page.Request page, boolean publicOnly) {
        String sql = "select t.slug, t.name, count(p.id) from " + table() + " t"
                + " left join post_" + table() + " j on j." + table() + "_id = t.id"
                + " left join post p on p.id = j.post_id and " + PostRepository.PUBLIC_SQL
                + " group by t.id, t.slug, t.name" + (publicOnly ? " having count(p.id) > 0" : "")
                + " order by lower(t.name), t.slug limit :limit offset :offset";
        List<Object[]> rows = getEntityManager().createNativeQuery(sql)
                .setParameter("limit", page.size())
                .setParameter("offset", page.offset())
                .getResultList();
        return rows.stream()
                .map(row -> new TermView((String) row[0], (String) row[1], ((Number) row[2]).longValue()))
                .toList();
    }

    /** How many terms at least one public post carries. */
    default long countPublic() {
        return ((Number) getEntityManager().createNativeQuery("select count(*) from " + table() + " t where exists"
                + " (select 1 from post_" + table() + " j join post p on p.id = j.post_id where j." + table()
                + "_id = t.id and " + PostRepository.PUBLIC_SQL + ")").getSingleResult()).longValue();
    }

    /** The term with this slug, its description and its number of public posts. */
    @SuppressWarnings("unchecked")
    default Optional<TermDetail> findDetail(String slug) {
        String sql = "select t.slug, t.name, t.description, count(p.id) from " + table() + " t"
                + " left join post_" + table() + " j on j." + table() + "_id = t.id"
                + " left join post p on p.id = j.post_id and " + PostRepository.PUBLIC_SQL
                + " where t.slug = :slug group by t.id, t.slug, t.name, t.description";
        List<Object[]> rows = getEntityManager().createNativeQuery(sql).setParameter("slug", slug).getResultList();
        return rows.stream().findFirst().map(row -> new TermDetail((String) row[0], (String) row[1], (String) row[2],
                ((Number) row[3]).longValue()));
    }
}
