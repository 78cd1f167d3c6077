package dev.slugline.search;

import dev.slugline.posts.PostRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The native SQL of the read API: filtered, sorted and full-text searched lists of public posts, related posts
 * and the archive. Which posts are public is decided by {@link PostRepository#PUBLIC_SQL}, nowhere else.
 * Every method runs a fixed number of statements, whatever the page size (terms come back as JSON arrays).
 */
@ApplicationScoped
public class SearchRepository {

    /** Highlight marks of ts_headline; removed from the text first, replaced by {@code <mark>} after escaping. */
    static final String START_MARK = "\u27e6";
    static final String STOP_MARK = "\u27e7";

    private static final String TAGS_JSON = "(select cast(coalesce(json_agg(json_build_array(t.slug, t.name) order by t.slug), '[]') as text)"
            + " from post_tag pt join tag t on t.id = pt.tag_id where pt.post_id = p.id)";
    private static final String CATEGORIES_JSON = "(select cast(coalesce(json_agg(json_build_array(c.slug, c.name) order by c.slug), '[]') as text)"
            + " from post_category pc join category c on c.id = pc.category_id where pc.post_id = p.id)";
    private static final String AUTHORS_JSON = "(select cast(coalesce(json_agg(json_build_array(a.slug, a.name) order by pa.position), '[]') as text)"
            + " from post_author pa join author a on a.id = pa.author_id where pa.post_id = p.id)";
    /** The date a post was written on, in the offset it was written with: what archive pages group by. */
    static final String LOCAL_DATE = "((p.published_at at time zone 'UTC') + make_interval(secs => coalesce(p.published_offset, 0)))";

    private final EntityManager em;

    public SearchRepository(EntityManager em) {
        this.em = em;
    }

    /** One row of a list; absent columns are null. */
    public record Row(long id, String slug, String title, String summary, String status, Object publishedAt,
                      Integer publishedOffset, Object updatedAt, String categoriesJson, String tagsJson,
                      int wordCount, int readingMinutes, String markdown, String html, Float rank, String snippet,
                      String sortKey, Object createdAt, String frontMatterJson, String createdBy, String authorsJson,
                      String featureImageJson) {
    }

    public List<Row> list(PostQuery query, boolean withBody, boolean cjk, int limit, int offset) {
        Map<String, Object> parameters = new HashMap<>();
        String where = where(query, cjk, parameters);
        String rank = rankExpression(query, cjk);
        String direction = query.sort().descending() ? "desc" : "asc";
        String sortKey = query.sort() == PostSort.RELEVANCE ? rank : query.sort().key();
        if (query.cursor() != null) {
            where += " and " + after(query, sortKey);
            parameters.put("cursorId", query.cursor().id());
            if (!undatedCursor(query)) {
                parameters.put("cursorKey", keyValue(query));
            }
        }
        String inner = "select p.id, " + rank + " as rank from post p"
                + " where " + where + " order by " + sortKey + " " + direction + ", p.id " + direction
                + " limit :limit offset :offset";
        String outerKey = query.sort() == PostSort.RELEVANCE ? "h.rank" : query.sort().key();
        String sql = "select p.id, p.slug, p.title, p.summary, p.status, p.published_at, p.published_offset, p.updated_at, "
                + CATEGORIES_JSON + ", " + TAGS_JSON + ", p.word_count, p.reading_minutes, "
                + (withBody ? "p.markdown, p.html, " : "null, null, ")
                + "h.rank, "
                + (query.searching() ? snippet() : "null") + ", "
                + sortKeyText(query.sort()) + ", p.created_at, "
                + (query.fields().contains("frontMatter") ? "cast(p.front_matter as text)" : "null") + ", p.created_by, "
                + (query.fields().contains("authors") ? AUTHORS_JSON : "null") + ", "
                + (query.fields().contains("featureImage") ? "cast(p.feature_image as text)" : "null") + " "
                + "from (" + inner + ") h join post p on p.id = h.id"
                + " order by " + outerKey + " " + direction + ", p.id " + direction;
        parameters.put("limit", limit);
        parameters.put("offset", offset);
        Query nativeQuery = em.createNativeQuery(sql);
        parameters.forEach(nativeQuery::setParameter);
        return rows(nativeQuery);
    }

    public long count(PostQuery query, boolean cjk) {
        Map<String, Object> parameters = new HashMap<>();
        String where = where(query, cjk, parameters);
        String sql = "select count(*) from post p where " + where;
        Query nativeQuery = em.createNativeQuery(sql);
        parameters.forEach(nativeQuery::setParameter);
        return ((Number) nativeQuery.getSingleResult()).longValue();
    }

    /**
     * Public posts sharing the most tags and categories with the public post {@code slug}, then the newest;
     * posts sharing nothing are left out. Empty if {@code slug} is not public.
     */
    public List<Row> related(String slug, int limit) {
        String shared = "(select count(*) from post_tag a join post_tag b on b.tag_id = a.tag_id"
                + " where a.post_id = me.id and b.post_id = p.id)"
                + " + (select count(*) from post_category a join post_category b on b.category_id = a.category_id"
                + " where a.post_id = me.id and b.post_id = p.id)";
        String sql = "with me as (select p.id from post p where p.slug = :slug and " + PostRepository.PUBLIC_SQL + "),"
                + " h as (select p.id, cast(" + shared + " as real) as rank from post p, me where "
                + PostRepository.PUBLIC_SQL + " and p.id <> me.id)"
                + " select p.id, p.slug, p.title, p.summary, p.status, p.published_at, p.published_offset, p.updated_at, "
                + CATEGORIES_JSON + ", " + TAGS_JSON + ", p.word_count, p.reading_minutes, null, null, h.rank, null, null,"
                + " p.created_at, null, p.created_by, " + AUTHORS_JSON + ", cast(p.feature_image as text)"
                + " from h join post p on p.id = h.id where h.rank > 0"
                + " order by h.rank desc, p.published_at desc nulls last, p.id desc limit :limit";
        return rows(em.createNativeQuery(sql).setParameter("slug", slug).setParameter("limit", limit));
    }

    /** Whether a public post has this slug. */
    public boolean isPublic(String slug) {
        return !em.createNativeQuery("select 1 from post p where p.slug = :slug and " + PostRepository.PUBLIC_SQL)
                .setParameter("slug", slug).getResultList().isEmpty();
    }

    /** Public posts per year and month of the date they were written on: rows of year, month, count, newest first. */
    @SuppressWarnings("unchecked")
    public List<Object[]> archive() {
        String sql = "select cast(extract(year from " + LOCAL_DATE + ") as integer) as y,"
                + " cast(extract(month from " + LOCAL_DATE + ") as integer) as m, count(*)"
                + " from post p where " + PostRepository.PUBLIC_SQL + " and p.published_at is not null"
                + " group by y, m order by y desc, m desc";
        return em.createNativeQuery(sql).getResultList();
    }

    /** Slug, last change and kind (post or page) of every public post and page, newest change first, at most {@code limit}. */
    @SuppressWarnings("unchecked")
    public List<Object[]> sitemap(int limit) {
        return em.createNativeQuery("select p.slug, p.updated_at, p.kind from post p where " + PostRepository.PUBLIC_ANY_SQL
                + " order by p.updated_at desc, p.id desc limit :limit").setParameter("limit", limit).getResultList();
    }

    private static List<Row> rows(Query query) {
        List<Row> rows = new ArrayList<>();
        for (Object result : query.getResultList()) {
            Object[] r = (Object[]) result;
            rows.add(new Row(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                    r[5], r[6] == null ? null : ((Number) r[6]).intValue(), r[7], (String) r[8], (String) r[9],
                    ((Number) r[10]).intValue(), ((Number) r[11]).intValue(), (String) r[12], (String) r[13],
                    r[14] == null ? null : ((Number) r[14]).floatValue(), (String) r[15], (String) r[16], r[17],
                    (String) r[18], (String) r[19], (String) r[20], (String) r[21]));
        }
        return rows;
    }

    /**
     * The search as a tsquery: English stems or plain words. Written inline (not in a CTE) so that the planner
     * sees a stable expression and uses the GIN index.
     */
    private static final String QUERY = "(websearch_to_tsquery('english', :q) || websearch_to_tsquery('simple', :q))";
    private static final String SIMPLE_QUERY = "websearch_to_tsquery('simple', :q)";

    /**
     * A post's search vector. A bulk import leaves it null for {@link SearchIndexer} to fill in after the import;
     * until then it is computed on the fly (the same function), so search never misses a post. The stored vector
     * is matched through the GIN index, the few pending posts through {@code post_search_pending_idx}.
     */
    private static final String VECTOR = "coalesce(p.search_vector, post_search_vector(p.title, p.summary, p.markdown))";
    private static final String MATCHES = "(p.search_vector @@ " + QUERY + " or (p.search_vector is null"
            + " and post_search_vector(p.title, p.summary, p.markdown) @@ " + QUERY + "))";

    private static String rankExpression(PostQuery query, boolean cjk) {
        if (!query.searching()) {
            return "cast(null as real)";
        }
        String rank = "ts_rank(" + VECTOR + ", " + QUERY + ")";
        if (cjk) {
            // Text without spaces is one token to the 'simple' parser: a substring match in the title or summary counts.
            rank = "cast(" + rank + " + (case when p.title ilike :like then 1 else 0 end)"
                    + " + (case when p.summary ilike :like then 0.4 else 0 end) as real)";
        }
        return rank;
    }

    private static String snippet() {
        String text = "translate(p.title || '. ' || p.summary || ' ' || left(p.markdown, 20000), '"
                + START_MARK + STOP_MARK + "', '')";
        return "ts_headline('simple', " + text + ", " + SIMPLE_QUERY + ", 'StartSel=" + START_MARK + ", StopSel=" + STOP_MARK
                + ", MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=\" … \"')";
    }

    /** The sort key of a row as text, for the cursor that continues after it. */
    private static String sortKeyText(PostSort sort) {
        return switch (sort) {
            case DATE, DATE_ASC -> "cast(extract(epoch from p.published_at) * 1000000 as bigint) || ''";
            case UPDATED -> "cast(extract(epoch from p.updated_at) * 1000000 as bigint) || ''";
            case TITLE -> "p.title";
            case RELEVANCE -> "cast(cast(h.rank as double precision) as text)";
        };
    }

    /**
     * The rows after the cursor's in the list's order. Only dates can be null (an imported post without a date):
     * PostgreSQL sorts null after every date, so it comes first newest-first and last oldest-first, and a cursor
     * after such a row has an empty key.
     */
    private static String after(PostQuery query, String sortKey) {
        boolean descending = query.sort().descending();
        String comparison = "(" + sortKey + ", p.id) " + (descending ? "<" : ">") + " (" + keyParameter(query) + ", :cursorId)";
        if (query.sort() != PostSort.DATE && query.sort() != PostSort.DATE_ASC) {
            return comparison;
        }
        if (undatedCursor(query)) {
            String undatedAfter = "(" + sortKey + " is null and p.id " + (descending ? "<" : ">") + " :cursorId)";
            return descending ? "(" + undatedAfter + " or " + sortKey + " is not null)" : undatedAfter;
        }
        return descending ? comparison : "(" + comparison + " or " + sortKey + " is null)";
    }

    private static boolean undatedCursor(PostQuery query) {
        return (query.sort() == PostSort.DATE || query.sort() == PostSort.DATE_ASC) && query.cursor().key().isEmpty();
    }

    private static String keyParameter(PostQuery query) {
        return switch (query.sort()) {
            case DATE, DATE_ASC, UPDATED -> "(timestamp with time zone 'epoch' + cast(:cursorKey as bigint) * interval '1 microsecond')";
            case TITLE -> "cast(:cursorKey as varchar)";
            case RELEVANCE -> "cast(cast(:cursorKey as double precision) as real)";
        };
    }

    /** Cursor dates in microseconds since 1970, within the years 1 to 9999 that posts can be dated in. */
    private static final long MIN_CURSOR_MICROS = -62_135_596_800_000_000L;
    private static final long MAX_CURSOR_MICROS = 253_402_300_799_999_999L;

    private static Object keyValue(PostQuery query) {
        String key = query.cursor().key();
        switch (query.sort()) {
            case DATE, DATE_ASC, UPDATED -> {
                try {
                    long micros = Long.parseLong(key);
                    if (micros < MIN_CURSOR_MICROS || micros > MAX_CURSOR_MICROS) {
                        throw dev.slugline.common.paging.Cursor.invalid(); // a timestamp PostgreSQL cannot hold
                    }
                } catch (NumberFormatException e) {
                    throw dev.slugline.common.paging.Cursor.invalid();
                }
            }
            case RELEVANCE -> {
                try {
                    double rank = Double.parseDouble(key);
                    if (!Double.isFinite(rank) || Math.abs(rank) > Float.MAX_VALUE) {
                        throw dev.slugline.common.paging.Cursor.invalid(); // not a rank a real can hold
                    }
                } catch (NumberFormatException e) {
                    throw dev.slugline.common.paging.Cursor.invalid();
                }
            }
            default -> {
            }
        }
        return key;
    }

    private static String where(PostQuery query, boolean cjk, Map<String, Object> parameters) {
        StringBuilder where = new StringBuilder(query.pages() ? PostRepository.PUBLIC_PAGE_SQL : PostRepository.PUBLIC_SQL);
        if (!query.tags().isEmpty()) {
            where.append(" and ").append(termFilter("post_tag", "tag", "tags", query.tags().size(), query.matchAll()));
            parameters.put("tags", query.tags());
        }
        if (!query.authors().isEmpty()) {
            // a post by any of them: "match" is about tags and categories
            where.append(" and ").append(termFilter("post_author", "author", "authors", query.authors().size(), false));
            parameters.put("authors", query.authors());
        }
        if (!query.categories().isEmpty()) {
            where.append(" and ").append(termFilter("post_category", "category", "categories",
                    query.categories().size(), query.matchAll()));
            parameters.put("categories", query.categories());
        }
        if (query.before() != null) {
            where.append(" and p.published_at < :before");
            parameters.put("before", query.before());
        }
        if (query.after() != null) {
            where.append(" and p.published_at >= :after");
            parameters.put("after", query.after());
        }
        if (query.year() != null) {
            where.append(" and extract(year from ").append(LOCAL_DATE).append(") = :year");
            parameters.put("year", query.year());
        }
        if (query.month() != null) {
            where.append(" and extract(month from ").append(LOCAL_DATE).append(") = :month");
            parameters.put("month", query.month());
        }
        if (query.filter() != null) {
            where.append(" and ").append(filterSql(query.filter(), parameters));
        }
        if (query.searching()) {
            parameters.put("q", query.q());
            if (cjk) {
                where.append(" and (" + MATCHES + " or p.title ilike :like or p.summary ilike :like)");
                parameters.put("like", "%" + query.q().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            } else {
                where.append(" and ").append(MATCHES);
            }
        }
        return where.toString();
    }

    /** A {@link PostFilter} as SQL over {@code post p}, its values bound as parameters {@code f0}, {@code f1}, … */
    static String filterSql(PostFilter filter, Map<String, Object> parameters) {
        if (filter instanceof PostFilter.All all) {
            if (all.parts().isEmpty()) {
                return "true";
            }
            return all.parts().stream().map(f -> filterSql(f, parameters))
                    .collect(java.util.stream.Collectors.joining(" and ", "(", ")"));
        } else if (filter instanceof PostFilter.Any any) {
            if (any.parts().isEmpty()) {
                return "false";
            }
            return any.parts().stream().map(f -> filterSql(f, parameters))
                    .collect(java.util.stream.Collectors.joining(" or ", "(", ")"));
        } else if (filter instanceof PostFilter.Not not) {
            return "not coalesce(" + filterSql(not.part(), parameters) + ", false)";
        } else if (filter instanceof PostFilter.HasTerm term) {
            String join = switch (term.taxonomy()) {
                case TAG -> "post_tag x join tag t on t.id = x.tag_id";
                case CATEGORY -> "post_category x join category t on t.id = x.category_id";
                case AUTHOR -> "post_author x join author t on t.id = x.author_id";
            };
            String primary = "";
            if (term.primaryOnly()) {
                primary = term.taxonomy() == PostFilter.Taxonomy.AUTHOR ? " and x.position = 0"
                        : " and t.slug = (select min(t2.slug) from " + join.replace(" x ", " x2 ").replace(" t ", " t2 ")
                        .replace("t.id = x.", "t2.id = x2.") + " where x2.post_id = p.id)";
            }
            return "exists (select 1 from " + join + " where x.post_id = p.id and t.slug in (:"
                    + bind(parameters, term.slugs()) + ")" + primary + ")";
        } else if (filter instanceof PostFilter.Compare compare) {
            String operator = switch (compare.comparison()) {
                case EQ -> "=";
                case GT -> ">";
                case GTE -> ">=";
                case LT -> "<";
                case LTE -> "<=";
            };
            return column(compare.field()) + " " + operator + " :" + bind(parameters, compare.value());
        } else if (filter instanceof PostFilter.In in) {
            return column(in.field()) + " in (:" + bind(parameters, in.values()) + ")";
        } else if (filter instanceof PostFilter.Text text) {
            String escaped = text.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            String pattern = switch (text.match()) {
                case CONTAINS -> "%" + escaped + "%";
                case STARTS_WITH -> escaped + "%";
                case ENDS_WITH -> "%" + escaped;
            };
            return column(text.field()) + " ilike :" + bind(parameters, pattern);
        } else if (filter instanceof PostFilter.Flag flag) {
            return "(coalesce(p.front_matter -> :" + bind(parameters, flag.key())
                    + ", cast('false' as jsonb)) in (cast('true' as jsonb), cast('\"true\"' as jsonb))) = " + flag.value();
        }
        throw new IllegalArgumentException("unknown filter " + filter);
    }

    private static String column(PostFilter.Field field) {
        return switch (field) {
            case ID -> "p.id";
            case SLUG -> "p.slug";
            case TITLE -> "p.title";
            case PUBLISHED_AT -> "p.published_at";
            case UPDATED_AT -> "p.updated_at";
            case CREATED_AT -> "p.created_at";
        };
    }

    private static String bind(Map<String, Object> parameters, Object value) {
        String name = "f" + parameters.keySet().stream().filter(k -> k.matches("f\\d+")).count();
        parameters.put(name, value);
        return name;
    }

    /**
     * Fills in the search vectors a bulk import left null, at most {@code limit} posts, skipping rows another
     * instance (or a writer) holds; returns how many were done.
     */
    @SuppressWarnings("unchecked")
    public int indexPending(int limit) {
        // the rows first: an UPDATE of no rows would still fire the statement trigger that bumps content_version
        List<Number> ids = em.createNativeQuery("select x.id from post x where x.search_vector is null order by x.id"
                        + " limit :limit for update skip locked")
                .setParameter("limit", limit)
                .getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        // what readers see does not change (V91): the version, and so every cached response, stays
        em.createNativeQuery("select set_config('slugline.search_indexing', 'on', true)").getSingleResult();
        return em.createNativeQuery("update post p set search_vector = post_search_vector(p.title, p.summary, p.markdown)"
                        + " where p.id in (:ids)")
                .setParameter("ids", ids.stream().map(Number::longValue).toList())
                .executeUpdate();
    }

    private static String termFilter(String joinTable, String table, String parameter, int count, boolean all) {
        String terms = "select " + (all ? "count(distinct x.slug)" : "1") + " from " + joinTable + " j join " + table
                + " x on x.id = j." + table + "_id where j.post_id = p.id and x.slug in (:" + parameter + ")";
        return all ? "(" + terms + ") = " + count : "exists (" + terms + ")";
    }
}
