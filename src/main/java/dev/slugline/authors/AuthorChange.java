package dev.slugline.authors;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slugline.common.errors.InvalidInputException;
import dev.slugline.taxonomy.TermChange;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * An editor's change to an author, from a JSON merge patch (RFC 7396): a key left out keeps its value, null removes
 * it (but a name is required). The slug stays: posts, filters and feeds point at it. Images are http(s) URLs or
 * paths on this site ({@code /api/media/…}); the website is an http(s) URL.
 */
record AuthorChange(Map<String, Optional<String>> values) {

    static final int MAX_URL = 2_000;
    static final int MAX_LOCATION = 200;
    private static final Set<String> FIELDS = Set.of("name", "bio", "profileImage", "coverImage", "website", "location");
    private static final Map<String, BiConsumer<Author, String>> SETTERS = Map.of(
            "name", (author, value) -> author.name = value,
            "bio", (author, value) -> author.description = value,
            "profileImage", (author, value) -> author.profileImage = value,
            "coverImage", (author, value) -> author.coverImage = value,
            "website", (author, value) -> author.website = value,
            "location", (author, value) -> author.location = value);

    static AuthorChange of(JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            throw new InvalidInputException("body", "a merge patch must be a JSON object");
        }
        Map<String, Optional<String>> values = new java.util.LinkedHashMap<>();
        for (Iterator<String> keys = patch.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!FIELDS.contains(key)) {
                throw new InvalidInputException(key, "Unknown field '" + key + "': an author has "
                        + String.join(", ", FIELDS.stream().sorted().toList()));
            }
            String value = switch (key) {
                case "name" -> name(patch.get(key));
                case "bio" -> TermChange.text(patch.get(key), key, TermChange.MAX_DESCRIPTION);
                case "location" -> TermChange.text(patch.get(key), key, MAX_LOCATION);
                case "website" -> url(patch.get(key), key, false);
                default -> url(patch.get(key), key, true);
            };
            values.put(key, Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty()));
        }
        return new AuthorChange(values);
    }

    void applyTo(Author author) {
        values.forEach((key, value) -> SETTERS.get(key).accept(author, value.orElse(null)));
    }

    private static String name(JsonNode value) {
        String name = TermChange.text(value, "name", TermChange.MAX_NAME);
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("name", "must not be blank");
        }
        return name;
    }

    /** An absolute http(s) URL, or (for images) a path on this site such as {@code /api/media/authors/alice.jpg}. */
    private static String url(JsonNode value, String field, boolean sitePath) {
        String text = TermChange.text(value, field, MAX_URL);
        if (text == null || text.isBlank()) {
            return text;
        }
        return validUrl(text, sitePath).orElseThrow(() -> new InvalidInputException(field,
                "must be an http(s) URL" + (sitePath ? " or a path on this site (/api/media/…)" : "")));
    }

    /** {@code text} as a URL a profile may hold (see {@link #url}), or empty. */
    static Optional<String> validUrl(String text, boolean sitePath) {
        String url = text.strip();
        if (url.length() > MAX_URL) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean web = ("http".equals(scheme) || "https".equals(scheme)) && uri.getHost() != null;
            boolean onSite = sitePath && scheme == null && url.startsWith("/") && !url.startsWith("//");
            return web || onSite ? Optional.of(url) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
