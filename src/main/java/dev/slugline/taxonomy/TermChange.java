package dev.slugline.taxonomy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slugline.common.errors.InvalidInputException;

import java.util.Iterator;
import java.util.Optional;

/**
 * An editor's change to a category or tag, from a JSON merge patch (RFC 7396): a key left out keeps its value,
 * {@code "description": null} removes the description. The slug stays: it is what posts and filters point at.
 */
public record TermChange(Optional<String> name, Optional<Optional<String>> description) {

    public static final int MAX_NAME = 200;
    public static final int MAX_DESCRIPTION = 2_000;

    static TermChange of(JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            throw new InvalidInputException("body", "a merge patch must be a JSON object");
        }
        for (Iterator<String> keys = patch.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!key.equals("name") && !key.equals("description")) {
                throw new InvalidInputException(key, "Unknown field '" + key + "': a term has a name and a description");
            }
        }
        Optional<String> name = Optional.empty();
        if (patch.has("name")) {
            String given = text(patch.get("name"), "name", MAX_NAME);
            if (given == null || given.isBlank()) {
                throw new InvalidInputException("name", "must not be blank");
            }
            name = Optional.of(given.strip());
        }
        Optional<Optional<String>> description = Optional.empty();
        if (patch.has("description")) {
            String given = text(patch.get("description"), "description", MAX_DESCRIPTION);
            description = Optional.of(Optional.ofNullable(given).map(String::strip).filter(d -> !d.isEmpty()));
        }
        return new TermChange(name, description);
    }

    void applyTo(Term term) {
        name.ifPresent(given -> term.name = given);
        description.ifPresent(given -> term.description = given.orElse(null));
    }

    /** A string field of a patch: null for JSON null, else text of at most {@code max} characters, without NUL. */
    public static String text(JsonNode value, String field, int max) {
        if (value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidInputException(field, "must be a string");
        }
        String text = value.textValue();
        if (text.length() > max) {
            throw new InvalidInputException(field, "has " + text.length() + " characters; at most " + max);
        }
        if (text.indexOf('\0') >= 0) {
            throw new InvalidInputException(field, "must not contain NUL characters");
        }
        return text;
    }
}
