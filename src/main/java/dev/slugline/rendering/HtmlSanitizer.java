package dev.slugline.rendering;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Cleans rendered HTML that may hold raw HTML from a post against an allowlist (jsoup's {@link Cleaner}): what is
 * not listed is dropped, the text of a dropped element is kept (never the content of {@code script} or
 * {@code style}), comments go. After cleaning, every URL attribute must pass {@link SafeUrlSanitizer} (http,
 * https, mailto, relative), an {@code iframe} must come from one of the embed hosts over https and is always
 * sandboxed, and an {@code input} survives only as the disabled checkbox of a task list. Thread-safe; one
 * instance serves every render.
 */
public final class HtmlSanitizer {

    /** The {@code sandbox} of every kept iframe: the embed's player runs, it cannot navigate the page or open popups. */
    public static final String IFRAME_SANDBOX = "allow-scripts allow-same-origin allow-presentation";

    private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "poster", "cite");
    private static final Set<String> BLOCK_TAGS = Set.of("address", "article", "aside", "blockquote", "details",
            "div", "dl", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "ol",
            "p", "section", "summary", "table", "ul");
    private static final Pattern BLANK_LINE_BREAK = Pattern.compile("\n([ \t]*)(?=\r?\n)");
    private static final Pattern FIRST_TAG = Pattern.compile("^<([a-zA-Z][a-zA-Z0-9]*)");

    private final Cleaner cleaner;
    private final Set<String> embedHosts;
    private final SafeUrlSanitizer urls = new SafeUrlSanitizer();

    public HtmlSanitizer(List<String> embedHosts) {
        this.cleaner = new Cleaner(safelist());
        Set<String> hosts = new java.util.HashSet<>();
        embedHosts.forEach(h -> hosts.add(h.strip().toLowerCase(Locale.ROOT)));
        this.embedHosts = Set.copyOf(hosts);
    }

    /** The allowlist: what CommonMark and its extensions emit, and what blogs write by hand. */
    static Safelist safelist() {
        Safelist list = new Safelist()
                // what CommonMark, GFM tables, task lists, heading anchors and footnotes render
                .addTags("p", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "code", "blockquote", "ul", "ol", "li",
                        "hr", "br", "em", "strong", "del", "a", "img", "input")
                // written by hand in posts
                .addTags("figure", "figcaption", "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",
                        "div", "span", "section", "details", "summary", "sup", "sub", "kbd", "abbr", "mark",
                        "b", "i", "u", "s", "small", "ins", "q", "cite", "dl", "dt", "dd",
                        "video", "audio", "source", "picture", "iframe")
                .addAttributes(":all", "title")
                .addAttributes("h1", "id").addAttributes("h2", "id").addAttributes("h3", "id")
                .addAttributes("h4", "id").addAttributes("h5", "id").addAttributes("h6", "id")
                .addAttributes("p", "id", "class")
                .addAttributes("code", "class")
                .addAttributes("pre", "class")
                .addAttributes("ol", "start")
                .addAttributes("li", "id", "class")
                .addAttributes("input", "type", "checked", "disabled")
                .addAttributes("a", "href", "rel", "id", "class", "aria-label")
                .addAttributes("img", "src", "srcset", "sizes", "width", "height", "alt", "loading")
                .addAttributes("th", "colspan", "rowspan", "align", "scope")
                .addAttributes("td", "colspan", "rowspan", "align")
                .addAttributes("div", "class", "id").addAttributes("span", "class", "id")
                .addAttributes("section", "class", "id").addAttributes("sup", "class", "id")
                .addAttributes("figure", "class", "id")
                .addAttributes("details", "open")
                .addAttributes("q", "cite")
                .addAttributes("video", "src", "controls", "poster", "width", "height")
                .addAttributes("audio", "src", "controls")
                .addAttributes("source", "src", "srcset", "type", "media")
                .addAttributes("iframe", "src", "width", "height", "allowfullscreen", "loading")
                .addEnforcedAttribute("iframe", "sandbox", IFRAME_SANDBOX);
        return list;
    }

    /** The clean body of {@code html} (a fragment), serialised without pretty-printing. */
    public String sanitize(String html) {
        return serialise(clean(html));
    }

    /** The cleaned document of a fragment, for callers that also want its text. */
    public Document clean(String html) {
        Document dirty = Jsoup.parseBodyFragment(html);
        Document clean = cleaner.clean(dirty);
        clean.outputSettings().prettyPrint(false).escapeMode(Entities.EscapeMode.base).charset("UTF-8");
        enforce(clean.body());
        return clean;
    }

    public static String serialise(Document clean) {
        return clean.body().html();
    }

    /**
     * An HTML page (a Hugo {@code .html} content file) as the Markdown body of a post: its clean HTML as one
     * CommonMark HTML block (no blank line inside, a block tag first), so Markdown never reinterprets it and
     * each render passes it through this sanitiser again. Blank lines become {@code &#10;}, which reads the same.
     */
    public String asMarkdownBody(String html) {
        String clean = sanitize(html).strip();
        if (clean.isEmpty()) {
            return "";
        }
        clean = BLANK_LINE_BREAK.matcher(clean).replaceAll("&#10;$1");
        var first = FIRST_TAG.matcher(clean);
        if (!first.find() || !BLOCK_TAGS.contains(first.group(1).toLowerCase(Locale.ROOT))) {
            clean = "<div>" + clean + "</div>";
        }
        return clean + "\n";
    }

    /** The rules a tag-and-attribute allowlist cannot state: URLs, iframe hosts, task list checkboxes. */
    private void enforce(Element body) {
        List<Element> drop = new ArrayList<>();
        for (Element element : body.getAllElements()) {
            if (element == body) {
                continue;
            }
            List<String> unsafe = new ArrayList<>();
            for (Attribute attribute : element.attributes()) {
                String key = attribute.getKey();
                String value = attribute.getValue();
                if (URL_ATTRIBUTES.contains(key) ? !safeUrl(value) : key.equals("srcset") && !safeSrcset(value)) {
                    unsafe.add(key);
                }
            }
            unsafe.forEach(element::removeAttr);
            switch (element.normalName()) {
                case "input" -> {
                    if (!"checkbox".equalsIgnoreCase(element.attr("type"))) {
                        drop.add(element);
                    } else {
                        element.attr("disabled", "");
                    }
                }
                case "iframe" -> {
                    String src = embed(element.attr("src"));
                    if (src == null) {
                        drop.add(element);
                    } else {
                        element.attr("src", src);
                        element.attr("sandbox", IFRAME_SANDBOX);
                        element.empty();
                    }
                }
                default -> {
                }
            }
        }
        drop.forEach(Element::remove);
    }

    private boolean safeUrl(String url) {
        String stripped = url.strip();
        return stripped.isEmpty() || !urls.sanitizeLinkUrl(stripped).isEmpty();
    }

    private boolean safeSrcset(String srcset) {
        for (String candidate : srcset.split(",")) {
            String url = candidate.strip();
            int space = url.indexOf(' ');
            if (!safeUrl(space < 0 ? url : url.substring(0, space))) {
                return false;
            }
        }
        return true;
    }

    /** The iframe's source when it is https from an embed host (YouTube moved to youtube-nocookie.com), else null. */
    private String embed(String src) {
        URI uri;
        try {
            uri = new URI(src.strip());
        } catch (URISyntaxException e) {
            return null;
        }
        String host = uri.getHost();
        if (!"https".equalsIgnoreCase(uri.getScheme()) || host == null || uri.getRawUserInfo() != null
                || !embedHosts.contains(host.toLowerCase(Locale.ROOT))) {
            return null;
        }
        String lower = host.toLowerCase(Locale.ROOT);
        if (lower.equals("www.youtube.com") || lower.equals("youtube.com")) {
            return "https://www.youtube-nocookie.com" + (uri.getRawPath() == null ? "" : uri.getRawPath())
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        }
        return uri.toString();
    }
}
