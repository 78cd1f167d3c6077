package dev.slugline.search;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A boolean filter over public posts beyond what {@code GET /api/posts} parameters express (Ghost's {@code filter}
 * is parsed into one). {@link SearchRepository} turns it into SQL with bound parameters, always inside the public
 * condition, so no filter can reach an unpublished post.
 */
public sealed interface PostFilter {

    /** Fields a filter can compare. */
    enum Field { ID, SLUG, TITLE, PUBLISHED_AT, UPDATED_AT, CREATED_AT }

    enum Comparison { EQ, GT, GTE, LT, LTE }

    enum TextMatch { CONTAINS, STARTS_WITH, ENDS_WITH }

    enum Taxonomy { TAG, CATEGORY, AUTHOR }

    record All(List<PostFilter> parts) implements PostFilter {
    }

    record Any(List<PostFilter> parts) implements PostFilter {
    }

    record Not(PostFilter part) implements PostFilter {
    }

    /**
     * The post has at least one of these terms or authors (slugs); with {@code primaryOnly}, as its first: its first
     * author, or the first of its tags or categories by slug (the order posts show them in).
     */
    record HasTerm(Taxonomy taxonomy, List<String> slugs, boolean primaryOnly) implements PostFilter {

        public HasTerm(Taxonomy taxonomy, List<String> slugs) {
            this(taxonomy, slugs, false);
        }
    }

    /** {@code field op value}: a {@code Long} for {@link Field#ID}, a {@code String} for slug and title, an
     *  {@link OffsetDateTime} for the dates (a post without a date matches no date comparison). */
    record Compare(Field field, Comparison comparison, Object value) implements PostFilter {
    }

    /** {@code field} is one of {@code values} (of the same types as {@link Compare}). */
    record In(Field field, List<?> values) implements PostFilter {
    }

    /** Case-insensitive text match on slug or title. */
    record Text(Field field, TextMatch match, String text) implements PostFilter {
    }

    /** A front matter key holds this boolean ({@code featured: true}); absent counts as false. */
    record Flag(String key, boolean value) implements PostFilter {
    }
}
