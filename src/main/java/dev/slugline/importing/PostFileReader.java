package dev.slugline.importing;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slugline.common.config.SluglineConfig;
import dev.slugline.common.text.Slugs;
import dev.slugline.posts.PostInput;
import dev.slugline.posts.PostStatus;
import dev.slugline.rendering.MarkdownRenderer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a Markdown file with front matter (YAML, TOML or JSON), as Hugo, Jekyll, Hexo and Zola write it, into a
 * post. Keys with a field of their own are read with the leniency generators have ({@code draft: "false"},
 * {@code category:} for {@code categories:}, Jekyll's space-separated {@code tags}); every other key is kept as
 * it is, after checking the ones whose meaning is known ({@code url}, {@code aliases}, dates, {@code weight}).
 * Anything that cannot become a post is a {@link FileRefusedException} naming the field and line.
 */
@ApplicationScoped
public class PostFileReader {

    /** Keys that become fields of the post; every other key is kept in {@code frontMatter}. */
    private static final Set<String> FIELD_KEYS =
            Set.of("title", "slug", "summary", "date", "draft", "categories", "category", "tags", "tag", "expiryDate");
    private static final List<String> SUMMARY_KEYS = List.of("summary", "description", "excerpt");
    private static final List<String> DATE_KEYS = List.of("date", "publishDate", "lastmod", "expiryDate");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\t\\n\\r]]");
    /** What follows a top-level key in a field path ({@code params.mood}, {@code tags[2]}). */
    private static final Pattern NESTED_PART = Pattern.compile("[.\\[].*$");
    private static final String MORE = "<!--more-->";
    private static final int MAX_SUMMARY = 2000;

    private final FrontMatterParser parser;
    private final Validator validator;
    private final ObjectMapper json;
    private final SluglineConfig config;
    private final MarkdownRenderer renderer;

    public PostFileReader(FrontMatterParser parser, Validator validator, ObjectMapper json, SluglineConfig config,
                          MarkdownRenderer renderer) {
        this.parser = parser;
        this.validator = validator;
        this.json = json;
        this.config = config;
        this.renderer = renderer;
    }

    /**
     * A file read for an import: the post, the slug it claims, and what the writer should know;
     * {@code frontMatterSlug}: the slug as its front matter wrote it (null when none), for its Hugo permalink.
     */
    public record ReadFile(PostInput input, String slug, List<String> warnings, String frontMatterSlug) {
        public ReadFile(PostInput input, String slug, List<String> warnings) {
            this(input, slug, warnings, null);
        }
    }

    /**
     * One file of an imported folder, or posted on its own ({@code POST /api/posts}, {@code path} null: the slug
     * then comes from the front matter or the title). {@code path} supplies the slug when the front matter has
     * none (the file name, or a bundle's folder), and the date of a Jekyll {@code YYYY-MM-DD-title.md} name.
     */
    public ReadFile read(String path, String file) {
        return read(path, file, Map.of());
    }

    /**
     * As {@link #read(String, String)}, with more front matter keys feeding tags and categories: {@code termKeys}
     * maps a key to {@code tags} or {@code categories} (a Hugo site's {@code taxonomies}, {@code tag = "keywords"}).
     */
    public ReadFile read(String path, String file, Map<String, String> termKeys) {
        return read(path, file, termKeys, false);
    }

    /**
     * As {@link #read(String, String, Map)}; {@code page}: the file is a page by where it is (outside a Hugo site's
     * {@code mainSections}), so its front matter gets {@code type: page} (V141) unless it gives a type of its own:
     * an export then says so without the site's config.
     */
    public ReadFile read(String path, String file, Map<String, String> termKeys, boolean page) {
        MarkdownFile markdown = parser.parse(file);
        ObjectNode frontMatter = markdown.frontMatter();
        List<String> warnings = new ArrayList<>();
        checkStrings(markdown, "", frontMatter);
        int nul = markdown.body().indexOf('\0');
        if (nul >= 0) {
            throw new FileRefusedException("markdown", bodyLine(markdown, file, nul), "must not contain NUL characters");
        }

        String title = scalar(markdown, "title");
        if (title == null || title.isBlank()) {
            throw new FileRefusedException("title", markdown.lineOf("title"), "the front matter has no title");
        }
        String slug = slug(markdown, path);
        checkUrls(markdown);
        checkWeight(markdown);
        ZoneId zone = config.importing().defaultZone();
        Map<String, OffsetDateTime> dates = dates(markdown, zone, warnings);
        OffsetDateTime date = dates.get("date") != null ? dates.get("date") : dates.get("publishDate");
        if (date == null && path != null) {
            Optional<LocalDate> fromName = ImportPaths.jekyllDate(path);
            if (fromName.isPresent()) {
                date = fromName.get().atStartOfDay(zone).toOffsetDateTime();
                warnings.add("date taken from the file name, at midnight in " + zone);
            }
        }
        if (date == null && path != null) {
            warnings.add("no date in the front matter or the file name: the post has no publication date");
        }
        boolean jekyll = path != null && ImportPaths.isJekyll(path);
        List<String> categories = terms(markdown, jekyll, "categories", "category");
        List<String> tags = terms(markdown, jekyll, "tags", "tag");
        termKeys.forEach((key, kind) -> {
            JsonNode value = frontMatter.get(key);
            if (value != null && !FIELD_KEYS.contains(key)) {
                collect(markdown, key, value, kind.equals("tags") ? tags : categories);
            }
        });
        String body = markdown.body();
        if (path != null && ImportPaths.isHtml(path) && renderer.sanitizer() != null) {
            // a Hugo HTML page: its clean HTML, kept as one HTML block of the Markdown body
            body = renderer.sanitizer().asMarkdownBody(body);
        }
        Map<String, Object> kept = unknownKeys(frontMatter, termKeys.keySet());
        if (page) {
            kept.putIfAbsent("type", "page");
        }
        PostInput input = new PostInput(title, slug, summary(markdown), body, status(markdown), date,
                categories, tags, kept, dates.get("expiryDate")).withAuthorsFromFrontMatter();
        requireValid(markdown, input);
        return new ReadFile(input, slug, warnings, scalar(markdown, "slug"));
    }

    private String slug(MarkdownFile markdown, String path) {
        String given = scalar(markdown, "slug");
        if (given != null) {
            if (Slugs.normalizeGiven(given).isEmpty()) {
                throw new FileRefusedException("slug", markdown.lineOf("slug"),
                        "'" + printable(given) + "' is not a valid slug: " + Slugs.RULE);
            }
            return Slugs.normalizeGiven(given).get();
        }
        if (path == null) {
            return null;
        }
        String fromPath = ImportPaths.slug(path);
        return fromPath.isEmpty() ? null : fromPath;
    }

    private String scalar(MarkdownFile markdown, String key) {
        JsonNode value = markdown.frontMatter().get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isValueNode()) {
            throw new FileRefusedException(key, markdown.lineOf(key), "must be a single value, not a list or a mapping");
        }
        return value.asText();
    }

    private String summary(MarkdownFile markdown) {
        for (String key : SUMMARY_KEYS) {
            String value = scalar(markdown, key);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        int more = markdown.body().indexOf(MORE);
        if (more < 0) {
            return null;
        }
        String text = renderer.plainText(markdown.body().substring(0, more));
        if (text.isBlank()) {
            return null;
        }
        if (text.length() > MAX_SUMMARY) {
            int cut = text.lastIndexOf(' ', MAX_SUMMARY - 1);
            text = text.substring(0, cut > MAX_SUMMARY / 2 ? cut : MAX_SUMMARY - 1).stripTrailing() + "…";
        }
        return text;
    }

    private PostStatus status(MarkdownFile markdown) {
        String draft = scalar(markdown, "draft");
        if (draft == null) {
            return PostStatus.PUBLISHED;
        }
        return switch (draft.strip().toLowerCase()) {
            case "true", "yes", "on" -> PostStatus.DRAFT;
            case "false", "no", "off", "" -> PostStatus.PUBLISHED;
            default -> throw new FileRefusedException("draft", markdown.lineOf("draft"),
                    "must be true or false, not '" + printable(draft) + "'");
        };
    }

    /** Every date key that is present, parsed: one that is no date, or out of range, is refused. */
    private Map<String, OffsetDateTime> dates(MarkdownFile markdown, ZoneId zone, List<String> warnings) {
        Map<String, OffsetDateTime> dates = new LinkedHashMap<>();
        for (String key : DATE_KEYS) {
            String text = scalar(markdown, key);
            if (text == null || text.isBlank()) {
                continue;
            }
            OffsetDateTime date = FrontMatterDates.parse(text, zone)
                    .filter(d -> d.getYear() >= 1 && d.getYear() <= 9999)
                    .orElseThrow(() -> new FileRefusedException(key, markdown.lineOf(key),
                            "'" + printable(text) + "' is not a date in range (use 2024-04-07T11:05:09+05:00)"));
            if (FrontMatterDates.hasNoZone(text)) {
                warnings.add(key + " '" + text.strip() + "' has no offset: taken in " + zone);
            }
            dates.put(key, date);
        }
        return dates;
    }

    /** {@code url} and {@code aliases} are paths on the site: no {@code ..}, backslash, scheme or control character. */
    private void checkUrls(MarkdownFile markdown) {
        checkPath(markdown, "url", markdown.frontMatter().get("url"));
        JsonNode aliases = markdown.frontMatter().get("aliases");
        if (aliases != null && aliases.isArray()) {
            for (JsonNode alias : aliases) {
                checkPath(markdown, "aliases", alias);
            }
        } else {
            checkPath(markdown, "aliases", aliases);
        }
    }

    private static void checkPath(MarkdownFile markdown, String key, JsonNode value) {
        if (value == null || value.isNull()) {
            return;
        }
        if (!value.isTextual()) {
            throw new FileRefusedException(key, markdown.lineOf(key), "must be a path such as /blog/my-post/");
        }
        String path = value.asText();
        boolean dotDot = List.of(path.split("/")).contains("..");
        if (dotDot || path.contains("\\") || CONTROL.matcher(path).find() || path.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*")
                || path.startsWith("//") || path.isBlank()) {
            throw new FileRefusedException(key, markdown.lineOf(key), "'" + printable(path)
                    + "' is not a site path: no '..' segment, backslash, scheme or control character");
        }
    }

    private static void checkWeight(MarkdownFile markdown) {
        JsonNode weight = markdown.frontMatter().get("weight");
        if (weight != null && !weight.isNull() && !weight.canConvertToInt()
                && !(weight.isTextual() && weight.asText().strip().matches("-?\\d{1,9}"))) {
            throw new FileRefusedException("weight", markdown.lineOf("weight"), "must be a whole number");
        }
    }

    /** No string anywhere in the front matter may hold NUL, other control characters in keys, or be too long. */
    private void checkStrings(MarkdownFile markdown, String prefix, JsonNode node) {
        int max = config.importing().maxFieldLength();
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String top = prefix.isEmpty() ? field.getKey() : prefix;
                String name = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
                if (field.getKey().indexOf('\0') >= 0 || field.getKey().length() > 200) {
                    throw new FileRefusedException("frontMatter", markdown.lineOf(top),
                            "a key must be at most 200 characters, without NUL");
                }
                checkStrings(markdown, name, field.getValue());
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkStrings(markdown, prefix + "[" + i + "]", node.get(i));
            }
        } else if (node.isTextual()) {
            String text = node.asText();
            String top = NESTED_PART.matcher(prefix).replaceAll("");
            if (text.indexOf('\0') >= 0) {
                throw new FileRefusedException(prefix, markdown.lineOf(top), "must not contain NUL characters");
            }
            if (text.length() > max) {
                throw new FileRefusedException(prefix, markdown.lineOf(top),
                        "is " + text.length() + " characters long; at most " + max + " are accepted");
            }
        }
    }

    /** Terms under either spelling of the key; a single string or a list, nested lists flattened. */
    private static List<String> terms(MarkdownFile markdown, boolean jekyll, String plural, String singular) {
        List<String> terms = new ArrayList<>();
        for (String key : List.of(plural, singular)) {
            JsonNode value = markdown.frontMatter().get(key);
            if (value == null) {
                continue;
            }
            if (jekyll && key.equals(plural) && value.isTextual() && !value.asText().contains(",")) {
                // Jekyll: "tags: ruby jekyll" is two tags
                for (String word : value.asText().strip().split("\\s+")) {
                    if (!word.isEmpty()) {
                        terms.add(word);
                    }
                }
                continue;
            }
            collect(markdown, key, value, terms);
        }
        return terms;
    }

    private static void collect(MarkdownFile markdown, String key, JsonNode value, List<String> into) {
        if (value.isArray()) {
            value.forEach(item -> collect(markdown, key, item, into));
        } else if (value.isValueNode() && !value.isNull()) {
            into.add(value.asText());
        } else if (!value.isNull()) {
            throw new FileRefusedException(key, markdown.lineOf(key), "must be a name or a list of names");
        }
    }

    private Map<String, Object> unknownKeys(ObjectNode frontMatter, Set<String> termKeys) {
        Map<String, Object> unknown = new LinkedHashMap<>();
        frontMatter.properties().forEach(entry -> {
            if (!FIELD_KEYS.contains(entry.getKey()) && !termKeys.contains(entry.getKey())) {
                unknown.put(entry.getKey(), json.convertValue(entry.getValue(), new TypeReference<Object>() { }));
            }
        });
        return unknown;
    }

    private void requireValid(MarkdownFile markdown, PostInput input) {
        Set<ConstraintViolation<PostInput>> violations = validator.validate(input);
        if (violations.isEmpty()) {
            return;
        }
        ConstraintViolation<PostInput> first = violations.stream()
                .min(Comparator.comparing(v -> v.getPropertyPath().toString())).get();
        String field = first.getPropertyPath().toString();
        String key = field.replaceAll("[.\\[].*$", "");
        throw new FileRefusedException(field, markdown.lineOf(key), first.getMessage() + " (nothing is truncated)");
    }

    private static Integer bodyLine(MarkdownFile markdown, String file, int offsetInBody) {
        String text = file.replace("\r\n", "\n");
        int bodyStart = text.length() - markdown.body().length();
        int line = 1;
        for (int i = 0; i < bodyStart + offsetInBody && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static String printable(String text) {
        String cut = text.length() > 80 ? text.substring(0, 80) + "…" : text;
        return CONTROL.matcher(cut).replaceAll("\uFFFD");
    }
}
