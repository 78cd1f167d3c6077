package dev.slugline.rendering.shortcodes;

import java.util.List;
import java.util.Map;

/**
 * One shortcode call as written: {@code {{< figure src="a.png" >}}} or a pair with inner content.
 *
 * @param name       the shortcode's name ({@code figure})
 * @param positional arguments without a name, in order
 * @param named      arguments with a name, by name
 * @param markdown   true for the {@code {{% %}}} form, whose inner content and output are Markdown
 * @param inner      the raw text between the opening and the closing tag, null when not paired
 */
public record Shortcode(String name, List<String> positional, Map<String, String> named, boolean markdown, String inner) {

    /** The named argument, or the positional one at {@code index} when there is no such name (null when neither). */
    public String get(String key, int index) {
        String value = named.get(key);
        if (value == null && index >= 0 && index < positional.size()) {
            value = positional.get(index);
        }
        return value;
    }

    public String get(String key) {
        return named.get(key);
    }
}
