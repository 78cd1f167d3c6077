package dev.slugline.importing;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;

/**
 * Splits a Markdown file into front matter and body, in the three forms Hugo reads: YAML between {@code ---}
 * lines, TOML between {@code +++} lines, and a leading JSON object. Each is read by a real parser (Jackson's
 * YAML, TOML and JSON); a key given twice is an error, not "last one wins". A byte-order mark and Windows line
 * endings are accepted, and so is a closing fence on the last line with nothing after it.
 */
@ApplicationScoped
public class FrontMatterParser {

    private static final String YAML_FENCE = "---";
    private static final java.util.regex.Pattern TRAILING_TABS = java.util.regex.Pattern.compile("[ \\t]*\\t[ \\t]*$",
            java.util.regex.Pattern.MULTILINE);
    private static final String TOML_FENCE = "+++";

    private final YAMLMapper yaml = YAMLMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();
    private final TomlMapper toml = TomlMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();
    private final ObjectMapper json = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    public MarkdownFile parse(String file) {
        String text = (file.startsWith("\uFEFF") ? file.substring(1) : file).replace("\r\n", "\n");
        if (text.isBlank()) {
            throw new FileRefusedException("file", null, "is empty");
        }
        String first = firstLine(text).stripTrailing();
        if (first.equals(YAML_FENCE)) {
            return fenced(text, YAML_FENCE, MarkdownFile.Format.YAML);
        }
        if (first.equals(TOML_FENCE)) {
            return fenced(text, TOML_FENCE, MarkdownFile.Format.TOML);
        }
        if (text.startsWith("{")) {
            return leadingJson(text);
        }
        return new MarkdownFile(JsonNodeFactory.instance.objectNode(), text);
    }

    private MarkdownFile fenced(String text, String fence, MarkdownFile.Format format) {
        int start = text.indexOf('\n') + 1;
        int lineStart = start;
        while (start > 0 && lineStart < text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            String line = lineEnd < 0 ? text.substring(lineStart) : text.substring(lineStart, lineEnd);
            if (line.stripTrailing().equals(fence)
                    || (format == MarkdownFile.Format.YAML && line.stripTrailing().equals("..."))) {
                String body = lineEnd < 0 ? "" : text.substring(lineEnd + 1);
                String source = text.substring(start, lineStart);
                ObjectNode frontMatter = format == MarkdownFile.Format.YAML ? parseYaml(source) : parseToml(source);
                return new MarkdownFile(frontMatter, body, format, source, 2);
            }
            if (lineEnd < 0) {
                break;
            }
            lineStart = lineEnd + 1;
        }
        throw new FileRefusedException("frontMatter", 1,
                "the front matter opened by " + fence + " on line 1 is never closed by a " + fence + " line");
    }

    private ObjectNode parseYaml(String source) {
        if (source.isBlank()) {
            return JsonNodeFactory.instance.objectNode();
        }
        JsonNode tree;
        try {
            tree = yaml.readTree(source);
        } catch (JsonProcessingException e) {
            // Hugo's YAML reader takes tabs after a value (`title: "x"<TAB>`), SnakeYAML does not: without them
            String lenient = TRAILING_TABS.matcher(source).replaceAll("");
            if (lenient.equals(source)) {
                throw invalid("YAML", e, 1);
            }
            try {
                tree = yaml.readTree(lenient);
            } catch (JsonProcessingException again) {
                throw invalid("YAML", e, 1);
            }
        }
        return mapping(tree);
    }

    private ObjectNode parseToml(String source) {
        if (source.isBlank()) {
            return JsonNodeFactory.instance.objectNode();
        }
        JsonNode tree;
        try {
            tree = toml.readTree(source);
        } catch (JsonProcessingException e) {
            throw invalid("TOML", e, 1);
        }
        return mapping(tree);
    }

    /** Hugo's JSON front matter: the file starts with an object; the body is whatever follows it. */
    private MarkdownFile leadingJson(String text) {
        try (JsonParser parser = json.getFactory().createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new FileRefusedException("frontMatter", 1, "invalid JSON: expected an object");
            }
            JsonNode tree = json.readTree(parser);
            JsonLocation end = parser.currentLocation();
            int offset = (int) end.getCharOffset();
            String rest = text.substring(Math.min(offset, text.length()));
            // the rest of the closing line belongs to the front matter
            int newline = rest.indexOf('\n');
            String tail = newline < 0 ? rest : rest.substring(0, newline);
            if (!tail.isBlank()) {
                throw new FileRefusedException("frontMatter", end.getLineNr(),
                        "invalid JSON: unexpected text after the closing } of the front matter");
            }
            String body = newline < 0 ? "" : rest.substring(newline + 1);
            return new MarkdownFile(mapping(tree), body, MarkdownFile.Format.JSON, text.substring(0, offset), 1);
        } catch (JsonProcessingException e) {
            throw invalid("JSON", e, 0);
        } catch (IOException e) {
            throw new FileRefusedException("frontMatter", null, "cannot be read: " + e.getMessage());
        }
    }

    /** {@code lineShift}: lines of the file before the first line the parser saw. */
    private static FileRefusedException invalid(String format, JsonProcessingException e, int lineShift) {
        Integer line = e.getLocation() != null && e.getLocation().getLineNr() > 0
                ? e.getLocation().getLineNr() + lineShift : null;
        String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName()
                : e.getOriginalMessage().lines().findFirst().orElse("");
        return new FileRefusedException("frontMatter", line, "invalid " + format + ": " + message);
    }

    private static ObjectNode mapping(JsonNode tree) {
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!(tree instanceof ObjectNode object)) {
            throw new FileRefusedException("frontMatter", 2, "must be a mapping of keys to values");
        }
        return object;
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

}
