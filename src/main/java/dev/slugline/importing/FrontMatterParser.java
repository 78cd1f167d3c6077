package dev.slugline.importing;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.slugline.common.errors.UnprocessableContentException;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Splits a Markdown file into YAML front matter (between {@code ---} lines, as Hugo and Jekyll write it) and
 * body. The YAML is parsed by a real YAML parser; a key given twice is an error, not "last one wins".
 */
@ApplicationScoped
public class FrontMatterParser {

    private static final String FENCE = "---";

    private final YAMLMapper yaml = YAMLMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    public MarkdownFile parse(String file) {
        String text = (file.startsWith("\uFEFF") ? file.substring(1) : file).replace("\r\n", "\n");
        if (text.isBlank()) {
            throw new UnprocessableContentException("file", "is empty");
        }
        if (!isFence(firstLine(text))) {
            return new MarkdownFile(JsonNodeFactory.instance.objectNode(), text);
        }
        int start = text.indexOf('\n') + 1;
        int lineStart = start;
        while (start > 0 && lineStart < text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            String line = lineEnd < 0 ? text.substring(lineStart) : text.substring(lineStart, lineEnd);
            if (isFence(line) || line.strip().equals("...")) {
                String body = lineEnd < 0 ? "" : text.substring(lineEnd + 1);
                return new MarkdownFile(parseYaml(text.substring(start, lineStart)), body);
            }
            if (lineEnd < 0) {
                break;
            }
            lineStart = lineEnd + 1;
        }
        throw new UnprocessableContentException("frontMatter",
                "the front matter opened by --- on line 1 is never closed by a --- line");
    }

    private ObjectNode parseYaml(String source) {
        if (source.isBlank()) {
            return JsonNodeFactory.instance.objectNode();
        }
        JsonNode tree;
        try {
            tree = yaml.readTree(source);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() != null ? e.getLocation().getLineNr() + 1 : 0;
            String where = line > 1 ? " on line " + line : "";
            throw new UnprocessableContentException("frontMatter",
                    "invalid YAML" + where + ": " + e.getOriginalMessage().lines().findFirst().orElse(""));
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!(tree instanceof ObjectNode object)) {
            throw new UnprocessableContentException("frontMatter", "must be a mapping of keys to values");
        }
        return object;
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

    private static boolean isFence(String line) {
        return line.stripTrailing().equals(FENCE);
    }
}
