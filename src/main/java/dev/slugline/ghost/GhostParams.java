package dev.slugline.ghost;

import jakarta.ws.rs.core.MultivaluedMap;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The query options of a Ghost Content API request, validated: {@code key}, {@code include}, {@code fields},
 * {@code formats}, {@code filter}, {@code limit} (1–100 or {@code all}), {@code page} and {@code order}. Options
 * Ghost does not know are ignored, as Ghost ignores them (clients add cache busters).
 *
 * @param limit null for {@code all}
 */
record GhostParams(String key, Set<String> include, Set<String> fields, Set<String> formats, String filter,
                   Integer limit, int page, String order) {

    static final int DEFAULT_LIMIT = 15;
    static final int MAX_LIMIT = 100;

    static GhostParams of(MultivaluedMap<String, String> query, Set<String> includable) {
        String key = query.getFirst("key");
        Set<String> include = list(query, "include");
        for (String asked : include) {
            if (!includable.contains(asked)) {
                throw GhostException.badRequest("include", "cannot include '" + asked + "' here; known are "
                        + String.join(", ", includable));
            }
        }
        Set<String> formats = list(query, "formats");
        for (String format : formats) {
            if (!format.equals("html") && !format.equals("plaintext")) {
                throw GhostException.badRequest("formats", "'" + format + "' is not a format Slugline serves (html, plaintext)");
            }
        }
        if (formats.isEmpty()) {
            formats = Set.of("html");
        }
        String filter = query.getFirst("filter");
        return new GhostParams(key, include, list(query, "fields"), formats,
                filter == null || filter.isBlank() ? null : filter, limit(query.getFirst("limit")),
                page(query.getFirst("page")), blankToNull(query.getFirst("order")));
    }

    private static Set<String> list(MultivaluedMap<String, String> query, String name) {
        Set<String> values = new LinkedHashSet<>();
        for (String value : query.getOrDefault(name, List.of())) {
            Arrays.stream(value.split(",")).map(String::strip).filter(v -> !v.isEmpty())
                    .map(v -> v.toLowerCase(Locale.ROOT)).forEach(values::add);
        }
        return values;
    }

    private static Integer limit(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_LIMIT;
        }
        if (value.strip().equals("all")) {
            return null;
        }
        int limit = number("limit", value);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw GhostException.badRequest("limit", "must be between 1 and " + MAX_LIMIT + ", or all");
        }
        return limit;
    }

    private static int page(String value) {
        if (value == null || value.isBlank()) {
            return 1;
        }
        int page = number("page", value);
        if (page < 1 || page > 1_000_000) {
            throw GhostException.badRequest("page", "must be between 1 and 1000000");
        }
        return page;
    }

    private static int number(String name, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw GhostException.badRequest(name, "must be a whole number, not '" + value + "'");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The fields of each item: all when {@code fields} is not given. */
    boolean wants(String field) {
        return fields.isEmpty() || fields.contains(field);
    }
}
