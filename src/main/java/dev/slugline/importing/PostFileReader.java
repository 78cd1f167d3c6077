package dev.slugline.importing;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slugline.common.config.SluglineConfig;
import dev.slugline.common.errors.Problem;
import dev.slugline.common.errors.UnprocessableContentException;
import dev.slugline.common.text.Slugs;
import dev.slugline.posts.PostInput;
import dev.slugline.posts.PostStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a Markdown file with front matter, as Hugo and Jekyll write it, into a post. Keys with a field of
 * their own are read with the leniency generators have ({@code draft: "false"}, {@code category:} for
 * {@code categories:}); every other key is kept as it is.
 */
@ApplicationScoped
public class PostFileReader {

    private static final Set<String> KNOWN_KEYS =
            Set.of("title", "slug", "summary", "date", "draft", "categories", "category", "tags", "tag", "expiryDate");

    private final FrontMatterParser parser;
    private final Validator validator;
    private final ObjectMapper json;
    private final SluglineConfig config;

    public PostFileReader(FrontMatterParser parser, Validator validator, ObjectMapper json, SluglineConfig config) {
        this.parser = parser;
        this.validator = validator;
        this.json = json;
        this.config = config;
    }

    public PostInput read(String file) {
        MarkdownFile markdown = parser.parse(file);
        ObjectNode frontMatter = markdown.frontMatter();
        String title = scalar(frontMatter, "title");
        if (title == null || title.isBlank()) {
            throw new UnprocessableContentException("title", "the front matter has no title");
        }
        String slug = scalar(frontMatter, "slug");
        if (slug != null && Slugs.normalizeGiven(slug).isEmpty()) {
            throw new UnprocessableContentException("slug",
                    "'" + slug + "' is not a valid slug: use letters, digits and single hyphens");
        }
        PostInput input = new PostInput(title, slug, scalar(frontMatter, "summary"), markdown.body(),
                status(frontMatter), date(frontMatter), terms(frontMatter, "categories", "category"),
                terms(frontMatter, "tags", "tag"), unknownKeys(frontMatter), expiryDate(frontMatter));
        requireValid(input);
        return input;
    }

    private String scalar(ObjectNode frontMatter, String key) {
        JsonNode value = frontMatter.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isValueNode()) {
            throw new UnprocessableContentException(key, "must be a single value, not a list or a mapping");
        }
        return value.asText();
    }

    private PostStatus status(ObjectNode frontMatter) {
        String draft = scalar(frontMatter, "draft");
        if (draft == null) {
            return PostStatus.PUBLISHED;
        }
        return switch (draft.strip().toLowerCase()) {
            case "true", "yes" -> PostStatus.DRAFT;
            case "false", "no" -> PostStatus.PUBLISHED;
            default -> throw new UnprocessableContentException("draft", "must be true or false, not '" + draft + "'");
        };
    }

    private OffsetDateTime date(ObjectNode frontMatter) {
        String date = scalar(frontMatter, "date");
        if (date == null || date.isBlank()) {
            return null;
        }
        return FrontMatterDates.parse(date, config.importing().defaultZone()).orElseThrow(() ->
                new UnprocessableContentException("date", "'" + date + "' is not a date (use 2024-04-07T11:05:09+05:00)"));
    }

    /** Hugo's {@code expiryDate}: the post leaves public view then. */
    private OffsetDateTime expiryDate(ObjectNode frontMatter) {
        String date = scalar(frontMatter, "expiryDate");
        if (date == null || date.isBlank()) {
            return null;
        }
        return FrontMatterDates.parse(date, config.importing().defaultZone()).orElseThrow(() ->
                new UnprocessableContentException("expiryDate", "'" + date + "' is not a date (use 2030-01-01T00:00:00Z)"));
    }

    /** Terms under either spelling of the key; a single string or a list, nested lists flattened. */
    private static List<String> terms(ObjectNode frontMatter, String... keys) {
        List<String> terms = new ArrayList<>();
        for (String key : keys) {
            JsonNode value = frontMatter.get(key);
            if (value != null) {
                collect(key, value, terms);
            }
        }
        return terms;
    }

    private static void collect(String key, JsonNode value, List<String> into) {
        if (value.isArray()) {
            value.forEach(item -> collect(key, item, into));
        } else if (value.isValueNode() && !value.isNull()) {
            into.add(value.asText());
        } else if (!value.isNull()) {
            throw new UnprocessableContentException(key, "must be a name or a list of names");
        }
    }

    private Map<String, Object> unknownKeys(ObjectNode frontMatter) {
        Map<String, Object> unknown = new LinkedHashMap<>();
        frontMatter.properties().forEach(entry -> {
            if (!KNOWN_KEYS.contains(entry.getKey())) {
                unknown.put(entry.getKey(), json.convertValue(entry.getValue(), new TypeReference<Object>() { }));
            }
        });
        return unknown;
    }

    private void requireValid(PostInput input) {
        Set<ConstraintViolation<PostInput>> violations = validator.validate(input);
        if (violations.isEmpty()) {
            return;
        }
        List<Problem.Violation> problems = violations.stream()
                .map(v -> new Problem.Violation(v.getPropertyPath().toString(), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field))
                .toList();
        Problem.Violation first = problems.get(0);
        throw new UnprocessableContentException(first.field(), first.message());
    }
}
