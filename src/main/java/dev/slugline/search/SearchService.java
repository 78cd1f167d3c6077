package dev.slugline.search;

import dev.slugline.authors.AuthorRef;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slugline.common.config.SluglineConfig;
import dev.slugline.common.errors.NoSuchItemException;
import dev.slugline.common.paging.Page;
import dev.slugline.common.sql.SqlValues;
import dev.slugline.rendering.FeatureImage;
import dev.slugline.taxonomy.TermRef;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Lists, searches and pages public posts for readers; every answer takes two SQL statements. */
@ApplicationScoped
public class SearchService {

    private static final TypeReference<Map<String, Object>> FRONT_MATTER = new TypeReference<>() {
    };
    private static final TypeReference<List<List<String>>> PAIRS = new TypeReference<>() {
    };

    private final SearchRepository search;
    private final SluglineConfig config;
    private final ObjectMapper json;

    public SearchService(SearchRepository search, SluglineConfig config, ObjectMapper json) {
        this.search = search;
        this.config = config;
        this.json = json;
    }

    /** The validated query of {@code GET /api/posts}; a 400 naming the parameter if anything is wrong. */
    public PostQuery parse(Map<String, List<String>> parameters) {
        return PostQuery.parse(parameters, config.paging());
    }

    public PostListing list(PostQuery query) {
        boolean cjk = query.searching() && hasUnspacedScript(query.q());
        boolean withBody = query.fields().contains("markdown") || query.fields().contains("html");
        int size = query.page().size();
        int offset = query.cursor() == null ? query.page().offset() : 0;
        List<SearchRepository.Row> rows = search.list(query, withBody, cjk, size + 1, offset);
        boolean more = rows.size() > size;
        if (more) {
            rows = rows.subList(0, size);
        }
        long total = search.count(query, cjk);
        List<Map<String, Object>> items = new ArrayList<>(rows.size());
        for (SearchRepository.Row row : rows) {
            items.add(item(row, query));
        }
        String next = null;
        if (more) {
            SearchRepository.Row last = rows.get(rows.size() - 1);
            next = query.cursorAfter(last.sortKey(), last.id());
        }
        int totalPages = (int) ((total + size - 1) / size);
        return new PostListing(items, query.cursor() == null ? query.page().number() : null, size, total,
                totalPages, next);
    }

    /** Up to {@code size} public posts related to the public post {@code slug}, with the list's default fields. */
    public List<Map<String, Object>> related(String slug, String size) {
        Page.Request request = Page.Request.of(null, size, config.paging());
        if (!search.isPublic(slug)) {
            throw new NoSuchItemException("No post with slug '" + slug + "'");
        }
        PostQuery fields = PostQuery.parse(Map.of(), config.paging());
        return search.related(slug, request.size()).stream().map(row -> item(row, fields)).toList();
    }

    /** Counts of public posts per year and month, newest first. */
    public Archive archive() {
        Map<Integer, List<Archive.Month>> months = new LinkedHashMap<>();
        for (Object[] row : search.archive()) {
            int year = ((Number) row[0]).intValue();
            months.computeIfAbsent(year, y -> new ArrayList<>())
                    .add(new Archive.Month(((Number) row[1]).intValue(), ((Number) row[2]).longValue()));
        }
        List<Archive.Year> years = months.entrySet().stream()
                .map(e -> new Archive.Year(e.getKey(), e.getValue().stream().mapToLong(Archive.Month::count).sum(),
                        e.getValue()))
                .toList();
        return new Archive(years.stream().mapToLong(Archive.Year::count).sum(), years);
    }

    /** Slugs, last changes and kinds (post or page) of public posts and pages for a sitemap. */
    public List<Object[]> sitemap(int limit) {
        return search.sitemap(limit);
    }

    private Map<String, Object> item(SearchRepository.Row row, PostQuery query) {
        Map<String, Object> item = new LinkedHashMap<>();
        for (String field : query.fields()) {
            Object value = switch (field) {
                case "id" -> row.id();
                case "slug" -> row.slug();
                case "title" -> row.title();
                case "summary" -> row.summary();
                case "status" -> row.status().toLowerCase();
                case "publishedAt" -> SqlValues.dateTime(row.publishedAt(), row.publishedOffset());
                case "updatedAt" -> SqlValues.dateTime(row.updatedAt(), null);
                case "createdAt" -> SqlValues.dateTime(row.createdAt(), null);
                case "frontMatter" -> frontMatter(row.frontMatterJson());
                case "createdBy" -> row.createdBy();
                case "categories" -> terms(row.categoriesJson());
                case "tags" -> terms(row.tagsJson());
                case "authors" -> terms(row.authorsJson()).stream().map(t -> new AuthorRef(t.slug(), t.name())).toList();
                case "wordCount" -> row.wordCount();
                case "readingMinutes" -> row.readingMinutes();
                case "markdown" -> row.markdown();
                case "html" -> row.html();
                case "featureImage" -> featureImage(row.featureImageJson());
                case "rank" -> row.rank();
                case "snippet" -> highlighted(row.snippet());
                default -> throw new IllegalStateException("unknown field " + field);
            };
            item.put(field, value);
        }
        return item;
    }

    private Map<String, Object> frontMatter(String object) {
        try {
            return object == null ? Map.of() : json.readValue(object, FRONT_MATTER);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable front matter from the database", e);
        }
    }

    private FeatureImage featureImage(String object) {
        try {
            return object == null ? null : json.readValue(object, FeatureImage.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable feature image from the database", e);
        }
    }

    private List<TermRef> terms(String pairs) {
        try {
            return json.readValue(pairs, PAIRS).stream().map(p -> new TermRef(p.get(0), p.get(1))).toList();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable terms from the database: " + pairs, e);
        }
    }

    /** ts_headline's text, HTML-escaped, with only its highlight marks turned into {@code <mark>} elements. */
    static String highlighted(String snippet) {
        if (snippet == null) {
            return null;
        }
        return escapeHtml(snippet).replace(SearchRepository.START_MARK, "<mark>")
                .replace(SearchRepository.STOP_MARK, "</mark>");
    }

    static String escapeHtml(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Scripts written without spaces between words, which the 'simple' parser cannot split. */
    static boolean hasUnspacedScript(String text) {
        return text.codePoints().anyMatch(cp -> {
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                    || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL
                    || script == Character.UnicodeScript.THAI || script == Character.UnicodeScript.LAO
                    || script == Character.UnicodeScript.KHMER || script == Character.UnicodeScript.MYANMAR;
        });
    }
}
