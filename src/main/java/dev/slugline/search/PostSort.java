package dev.slugline.search;

import dev.slugline.common.errors.InvalidInputException;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The orders of {@code GET /api/posts?sort=}; each ends with the id so that keyset cursors are exact. */
public enum PostSort {
    DATE("date", "p.published_at", true),
    DATE_ASC("-date", "p.published_at", false),
    TITLE("title", "p.title", false),
    UPDATED("updated", "p.updated_at", true),
    RELEVANCE("relevance", "rank", true);

    private final String parameter;
    private final String key;
    private final boolean descending;

    PostSort(String parameter, String key, boolean descending) {
        this.parameter = parameter;
        this.key = key;
        this.descending = descending;
    }

    public String parameter() {
        return parameter;
    }

    /** The SQL expression sorted on first. */
    String key() {
        return key;
    }

    boolean descending() {
        return descending;
    }

    static PostSort parse(String value) {
        return Arrays.stream(values()).filter(s -> s.parameter.equals(value.strip())).findFirst()
                .orElseThrow(() -> new InvalidInputException("sort", "must be one of "
                        + Arrays.stream(values()).map(PostSort::parameter).collect(Collectors.joining(", "))
                        + ", not '" + value + "'"));
    }
}
