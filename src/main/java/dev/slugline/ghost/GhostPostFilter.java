package dev.slugline.ghost;

import dev.slugline.search.PostFilter;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * Ghost's post filters ({@link Nql}) as a {@link PostFilter}: {@code tag}/{@code tags}/{@code primary_tag},
 * {@code slug}, {@code id}, {@code title}, {@code featured}, {@code published_at}/{@code updated_at}/{@code created_at},
 * {@code visibility} and {@code status}. A field Slugline cannot answer is a 400, never ignored.
 */
final class GhostPostFilter {

    private static final DateTimeFormatter GHOST_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]", Locale.ROOT);

    private GhostPostFilter() {
    }

    static PostFilter of(String filter) {
        return of(Nql.parse(filter));
    }

    private static PostFilter of(Nql.Node node) {
        if (node instanceof Nql.And and) {
            return new PostFilter.All(and.parts().stream().map(GhostPostFilter::of).toList());
        }
        if (node instanceof Nql.Or or) {
            return new PostFilter.Any(or.parts().stream().map(GhostPostFilter::of).toList());
        }
        Nql.Comparison c = (Nql.Comparison) node;
        PostFilter positive = comparison(c);
        return c.negated() ? new PostFilter.Not(positive) : positive;
    }

    private static PostFilter comparison(Nql.Comparison c) {
        String key = c.key().toLowerCase(Locale.ROOT);
        switch (key) {
            case "tag", "tags", "tags.slug", "primary_tag", "primary_tag.slug" -> {
                requireEqualityOrIn(c);
                return new PostFilter.HasTerm(PostFilter.Taxonomy.TAG, c.values().stream().map(v -> v.toLowerCase(Locale.ROOT)).toList(),
                        key.startsWith("primary_"));
            }
            case "author", "authors", "authors.slug", "primary_author", "primary_author.slug" -> {
                requireEqualityOrIn(c);
                return new PostFilter.HasTerm(PostFilter.Taxonomy.AUTHOR, c.values().stream().map(v -> v.toLowerCase(Locale.ROOT)).toList(),
                        key.startsWith("primary_"));
            }
            case "slug" -> {
                return field(c, PostFilter.Field.SLUG, c.values());
            }
            case "title" -> {
                return field(c, PostFilter.Field.TITLE, c.values());
            }
            case "id" -> {
                requireEqualityOrIn(c);
                return field(c, PostFilter.Field.ID, c.values().stream().map(v -> GhostIds.postId("filter", v)).toList());
            }
            case "published_at", "updated_at", "created_at" -> {
                PostFilter.Field field = key.equals("published_at") ? PostFilter.Field.PUBLISHED_AT
                        : key.equals("updated_at") ? PostFilter.Field.UPDATED_AT : PostFilter.Field.CREATED_AT;
                return field(c, field, c.values().stream().map(v -> date(c.key(), v)).toList());
            }
            case "featured" -> {
                requireEquality(c);
                return new PostFilter.Flag("featured", bool(c));
            }
            case "visibility" -> {
                requireEquality(c);
                return constant(c.value().equals("public"));
            }
            case "status" -> {
                requireEquality(c);
                return constant(c.value().equals("published"));
            }
            default -> throw GhostException.badRequest("filter", "cannot filter posts by '" + c.key()
                    + "'; Slugline filters by tag, tags, primary_tag, author, authors, primary_author, slug, id, title, featured, published_at, "
                    + "updated_at, created_at, visibility and status");
        }
    }

    private static PostFilter field(Nql.Comparison c, PostFilter.Field field, List<?> values) {
        return switch (c.op()) {
            case IN -> new PostFilter.In(field, values);
            case EQ -> new PostFilter.Compare(field, PostFilter.Comparison.EQ, values.get(0));
            case GT -> new PostFilter.Compare(field, PostFilter.Comparison.GT, values.get(0));
            case GTE -> new PostFilter.Compare(field, PostFilter.Comparison.GTE, values.get(0));
            case LT -> new PostFilter.Compare(field, PostFilter.Comparison.LT, values.get(0));
            case LTE -> new PostFilter.Compare(field, PostFilter.Comparison.LTE, values.get(0));
            case CONTAINS, STARTS_WITH, ENDS_WITH -> {
                if (!(values.get(0) instanceof String text)) {
                    throw GhostException.badRequest("filter", "'" + c.key() + "' cannot be matched as text");
                }
                yield new PostFilter.Text(field, c.op() == Nql.Op.CONTAINS ? PostFilter.TextMatch.CONTAINS
                        : c.op() == Nql.Op.STARTS_WITH ? PostFilter.TextMatch.STARTS_WITH : PostFilter.TextMatch.ENDS_WITH, text);
            }
        };
    }

    private static PostFilter constant(boolean value) {
        return value ? new PostFilter.All(List.of()) : new PostFilter.Any(List.of());
    }

    private static boolean bool(Nql.Comparison c) {
        return switch (c.value()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw GhostException.badRequest("filter", "'" + c.key() + "' takes true or false, not '" + c.value() + "'");
        };
    }

    private static void requireEquality(Nql.Comparison c) {
        if (c.op() != Nql.Op.EQ) {
            throw GhostException.badRequest("filter", "'" + c.key() + "' can only be compared for equality");
        }
    }

    private static void requireEqualityOrIn(Nql.Comparison c) {
        if (c.op() != Nql.Op.EQ && c.op() != Nql.Op.IN) {
            throw GhostException.badRequest("filter", "'" + c.key() + "' takes a value or a [list]");
        }
    }

    /** {@code 2017-06-03}, {@code 2017-06-03 23:43:12} (UTC, as Ghost writes them) or ISO-8601 with an offset. */
    static OffsetDateTime date(String key, String value) {
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay().atOffset(ZoneOffset.UTC);
            }
            if (value.length() > 10 && value.charAt(10) == ' ') {
                return LocalDateTime.parse(value, GHOST_DATE_TIME).atOffset(ZoneOffset.UTC);
            }
            OffsetDateTime date = OffsetDateTime.parse(value);
            if (date.getYear() < 1 || date.getYear() > 9999) {
                throw new DateTimeParseException("out of range", value, 0);
            }
            return date;
        } catch (DateTimeParseException e) {
            throw GhostException.badRequest("filter", "'" + key + "' needs a date such as '2024-05-01 10:00:00' or "
                    + "'2024-05-01T10:00:00+02:00', not '" + value + "'");
        }
    }
}
