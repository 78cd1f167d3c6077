package dev.slugline.search;

import dev.slugline.common.config.SluglineConfig;
import dev.slugline.common.errors.InvalidInputException;
import dev.slugline.common.paging.Cursor;
import dev.slugline.common.paging.Page;
import dev.slugline.common.text.Slugs;
import dev.slugline.common.time.StorableDates;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A validated {@code GET /api/posts} request. Built only by {@link #parse}, which refuses, with a 400 naming the
 * parameter, anything it does not understand: unknown parameters, bad dates, bad cursors, sizes out of range.
 */
public record PostQuery(
        List<String> tags,
        List<String> categories,
        boolean matchAll,
        OffsetDateTime before,
        OffsetDateTime after,
        Integer year,
        Integer month,
        String q,
        PostSort sort,
        Set<String> fields,
        Page.Request page,
        KeysetPosition cursor,
        PostFilter filter,
        boolean pages,
        List<String> authors) {

    public static final Set<String> PARAMETERS = Set.of("tag", "category", "author", "match", "before", "after", "year",
            "month", "q", "sort", "fields", "page", "size", "cursor", "status");

    /** Every field an item can have, in the order they are written. */
    public static final List<String> ALL_FIELDS = List.of("id", "slug", "title", "summary", "status", "publishedAt",
            "updatedAt", "createdAt", "categories", "tags", "authors", "wordCount", "readingMinutes", "frontMatter", "createdBy", "markdown",
            "html",
            "featureImage",
            "rank", "snippet");

    static final List<String> DEFAULT_FIELDS = List.of("id", "slug", "title", "summary", "status", "publishedAt",
            "updatedAt", "categories", "tags", "authors", "wordCount", "readingMinutes",
            "featureImage");

    static final int MAX_TERMS = 20;
    static final int MAX_QUERY_LENGTH = 200;

    /** Where the previous page ended: the sort key of its last item (as text) and that item's id. */
    public record KeysetPosition(String key, long id) {
    }

    /**
     * This query narrowed by {@code filter} as well (Ghost's {@code filter}). It pages by number only: a cursor
     * would not carry the filter.
     */
    public PostQuery withFilter(PostFilter narrower) {
        if (cursor != null) {
            throw new IllegalStateException("a filtered query pages by number");
        }
        return new PostQuery(tags, categories, matchAll, before, after, year, month, q, sort, fields, page, null, narrower,
                pages, authors);
    }

    /** The same query over standalone pages instead of posts (V141). */
    public PostQuery forPages() {
        return new PostQuery(tags, categories, matchAll, before, after, year, month, q, sort, fields, page, cursor, filter,
                true, authors);
    }

    public boolean searching() {
        return q != null;
    }

    public static PostQuery parse(Map<String, List<String>> parameters, SluglineConfig.Paging limits) {
        for (String name : parameters.keySet()) {
            if (!PARAMETERS.contains(name)) {
                throw new InvalidInputException(name, "is not a parameter of this list; known are "
                        + String.join(", ", PARAMETERS.stream().sorted().toList()));
            }
        }
        List<String> tags = slugs(parameters, "tag");
        List<String> categories = slugs(parameters, "category");
        List<String> authors = slugs(parameters, "author");
        String match = single(parameters, "match");
        if (match != null && !match.equals("any") && !match.equals("all")) {
            throw new InvalidInputException("match", "must be 'any' or 'all', not '" + match + "'");
        }
        OffsetDateTime before = date(parameters, "before");
        OffsetDateTime after = date(parameters, "after");
        Integer year = number(parameters, "year", 1, 9999);
        Integer month = number(parameters, "month", 1, 12);
        if (month != null && year == null) {
            throw new InvalidInputException("month", "needs a year");
        }
        String q = single(parameters, "q");
        if (q != null) {
            q = q.strip();
            if (q.isEmpty()) {
                throw new InvalidInputException("q", "must not be blank");
            }
            if (q.length() > MAX_QUERY_LENGTH || q.indexOf('\0') >= 0) {
                throw new InvalidInputException("q", "must be at most " + MAX_QUERY_LENGTH + " characters, without NUL");
            }
        }
        String sortParameter = single(parameters, "sort");
        PostSort sort = sortParameter == null ? (q != null ? PostSort.RELEVANCE : PostSort.DATE) : PostSort.parse(sortParameter);
        if (sort == PostSort.RELEVANCE && q == null) {
            throw new InvalidInputException("sort", "'relevance' needs a search query q");
        }
        Set<String> fields = fields(single(parameters, "fields"), q != null);
        String cursorText = single(parameters, "cursor");
        String pageText = single(parameters, "page");
        if (cursorText != null && pageText != null) {
            throw new InvalidInputException("page", "cannot be combined with cursor; a cursor already says where to go on");
        }
        Page.Request page = Page.Request.of(cursorText != null ? null : pageText, single(parameters, "size"), limits);
        PostQuery query = new PostQuery(tags, categories, "all".equals(match), before, after, year, month, q, sort,
                fields, page, null, null, false, authors);
        if (cursorText != null) {
            List<String> parts = Cursor.decode(cursorText, 4);
            if (!parts.get(0).equals(sort.parameter()) || !parts.get(1).equals(query.fingerprint())) {
                throw new InvalidInputException("cursor", "was made for another sort or other filters; "
                        + "keep the parameters of the request that returned it");
            }
            long id;
            try {
                id = Long.parseLong(parts.get(2));
            } catch (NumberFormatException e) {
                throw Cursor.invalid();
            }
            query = new PostQuery(tags, categories, query.matchAll, before, after, year, month, q, sort, fields,
                    page, new KeysetPosition(parts.get(3), id), null, false, authors);
        }
        return query;
    }

    /** The cursor that continues after an item with this sort key (null: a post without a date) and id. */
    String cursorAfter(String key, long id) {
        return Cursor.encode(List.of(sort.parameter(), fingerprint(), Long.toString(id), key == null ? "" : key));
    }

    /** A short digest of the filters, so a cursor is only accepted by the query it was made for. */
    String fingerprint() {
        String filters = String.join("\u001e", String.valueOf(tags), String.valueOf(categories),
                String.valueOf(matchAll), String.valueOf(before), String.valueOf(after), String.valueOf(year),
                String.valueOf(month), String.valueOf(q))
                + (authors.isEmpty() ? "" : "\u001e" + authors); // absent without authors: cursors given before stay valid
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(filters.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String single(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw new InvalidInputException(name, "may be given only once");
        }
        return values.get(0);
    }

    private static List<String> slugs(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.getOrDefault(name, List.of());
        Set<String> slugs = new LinkedHashSet<>();
        for (String value : values) {
            for (String part : value.split(",")) {
                String slug = part.strip();
                if (slug.isEmpty() || slug.length() > Slugs.MAX_LENGTH || !slug.matches(Slugs.PATTERN)) {
                    throw new InvalidInputException(name, "'" + value + "' is not a slug");
                }
                slugs.add(slug);
            }
        }
        if (slugs.size() > MAX_TERMS) {
            throw new InvalidInputException(name, "at most " + MAX_TERMS + " may be given");
        }
        return List.copyOf(slugs);
    }

    /** An ISO date ({@code 2024-05-01}, midnight UTC) or date-time with an offset ({@code 2024-05-01T10:00:00+02:00}). */
    private static OffsetDateTime date(Map<String, List<String>> parameters, String name) {
        String value = single(parameters, name);
        if (value == null) {
            return null;
        }
        String text = value.strip();
        try {
            if (text.length() == 10) {
                return StorableDates.require(name, LocalDate.parse(text).atStartOfDay().atOffset(ZoneOffset.UTC));
            }
            return StorableDates.require(name, OffsetDateTime.parse(text));
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(name, "must be a date (2024-05-01) or a date-time with an offset "
                    + "(2024-05-01T10:00:00+02:00), not '" + value + "'");
        }
    }

    private static Integer number(Map<String, List<String>> parameters, String name, int min, int max) {
        String value = single(parameters, name);
        if (value == null) {
            return null;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number < min || number > max) {
                throw new InvalidInputException(name, "must be between " + min + " and " + max);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new InvalidInputException(name, "must be a whole number, not '" + value + "'");
        }
    }

    private static Set<String> fields(String value, boolean searching) {
        if (value == null) {
            List<String> defaults = new ArrayList<>(DEFAULT_FIELDS);
            if (searching) {
                defaults.add("rank");
                defaults.add("snippet");
            }
            return new LinkedHashSet<>(defaults);
        }
        Set<String> asked = new LinkedHashSet<>();
        for (String part : value.split(",")) {
            String field = part.strip();
            if (field.equals("date")) {
                field = "publishedAt";
            }
            if (!ALL_FIELDS.contains(field)) {
                throw new InvalidInputException("fields", "'" + part.strip() + "' is not a field; known are "
                        + String.join(", ", ALL_FIELDS) + " (and date for publishedAt)");
            }
            if ((field.equals("rank") || field.equals("snippet")) && !searching) {
                throw new InvalidInputException("fields", "'" + field + "' needs a search query q");
            }
            asked.add(field);
        }
        Set<String> ordered = new LinkedHashSet<>();
        ALL_FIELDS.stream().filter(asked::contains).forEach(ordered::add);
        return ordered;
    }
}
