package dev.slugline.rendering.shortcodes;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Hugo's embedded shortcode templates, rendered as Hugo renders them, with no script and privacy-friendly embeds.
 * Every argument reaches the HTML through jsoup's element API (attribute and text encoding); URLs that are not
 * http(s) or relative, and ids that are not ids, are left out.
 */
final class BuiltinShortcodes {

    private BuiltinShortcodes() {
    }

    /** What a shortcode renders: its HTML, its plain text (summaries, word counts), and whether it is a block. */
    record Output(String html, String plain, boolean block) {
    }

    private static final Pattern VIDEO_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,20}");
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern GIST_ID = Pattern.compile("[A-Za-z0-9]{1,64}");
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z0-9_+#.-]{1,40}");
    private static final Pattern SIZE = Pattern.compile("[0-9]{1,5}(%|px)?");
    private static final Pattern NOT_ANCHOR = Pattern.compile("[^a-z0-9_-]");
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

    private static final Document.OutputSettings OUTPUT = new Document.OutputSettings().prettyPrint(false);

    /** The output of a built-in shortcode, or null when {@code shortcode} is not one. */
    static Output render(Shortcode shortcode, ShortcodeContext context, UnaryOperator<String> markdown) {
        return switch (shortcode.name().toLowerCase(Locale.ROOT)) {
            case "figure" -> figure(shortcode, context, markdown);
            case "youtube" -> youtube(shortcode);
            case "vimeo" -> vimeo(shortcode);
            case "gist" -> gist(shortcode);
            case "x", "tweet", "twitter" -> tweet(shortcode);
            case "instagram" -> instagram(shortcode);
            case "highlight" -> highlight(shortcode);
            case "details" -> details(shortcode, markdown);
            case "param" -> param(shortcode, context);
            case "ref" -> ref(shortcode, context, true);
            case "relref" -> ref(shortcode, context, false);
            default -> null;
        };
    }

    private static Output figure(Shortcode s, ShortcodeContext context, UnaryOperator<String> markdown) {
        Element figure = element("figure");
        attr(figure, "class", s.get("class"));
        Element holder = figure;
        String link = safeUrl(s.get("link"));
        if (link != null) {
            holder = figure.appendElement("a").attr("href", link);
            attr(holder, "target", s.get("target"));
            attr(holder, "rel", s.get("rel"));
        }
        String src = s.get("src", 0);
        if (src != null && context.imageUrls() != null) {
            String rewritten = context.imageUrls().apply(src);
            src = rewritten == null ? src : rewritten;
        }
        src = safeUrl(src);
        String caption = s.get("caption");
        String captionHtml = caption == null || caption.isBlank() ? null : inline(markdown.apply(caption));
        if (src != null) {
            Element img = holder.appendElement("img").attr("src", src);
            String alt = s.get("alt");
            img.attr("alt", alt != null ? alt : captionHtml == null ? "" : element("p").html(captionHtml).text());
            attr(img, "width", size(s.get("width")));
            attr(img, "height", size(s.get("height")));
            String loading = s.get("loading");
            attr(img, "loading", "lazy".equals(loading) || "eager".equals(loading) ? loading : null);
        }
        String title = s.get("title");
        String attr = s.get("attr");
        if (present(title) || captionHtml != null || present(attr)) {
            Element figcaption = figure.appendElement("figcaption");
            if (present(title)) {
                figcaption.appendElement("h4").text(title);
            }
            if (captionHtml != null || present(attr)) {
                Element p = figcaption.appendElement("p");
                if (captionHtml != null) {
                    p.append(captionHtml);
                }
                if (present(attr)) {
                    String attrLink = safeUrl(s.get("attrlink"));
                    Element into = attrLink == null ? p : p.appendElement("a").attr("href", attrLink);
                    into.append(inline(markdown.apply(attr)));
                }
            }
        }
        return new Output(html(figure), "", true);
    }

    private static Output youtube(Shortcode s) {
        String id = s.get("id", 0);
        if (id == null || !VIDEO_ID.matcher(id).matches()) {
            return new Output("", "", true);
        }
        StringBuilder query = new StringBuilder();
        String start = s.get("start");
        String end = s.get("end");
        if (start != null && NUMBER.matcher(start).matches()) {
            query.append(query.isEmpty() ? "?" : "&").append("start=").append(start);
        }
        if (end != null && NUMBER.matcher(end).matches()) {
            query.append(query.isEmpty() ? "?" : "&").append("end=").append(end);
        }
        String title = s.get("title");
        return embed("youtube", "https://www.youtube-nocookie.com/embed/" + id + query,
                present(title) ? title : "YouTube video", s.get("loading"));
    }

    private static Output vimeo(Shortcode s) {
        String id = s.get("id", 0);
        if (id == null || !VIDEO_ID.matcher(id).matches()) {
            return new Output("", "", true);
        }
        String title = s.get("title");
        return embed("vimeo", "https://player.vimeo.com/video/" + id + "?dnt=1",
                present(title) ? title : "Vimeo video", s.get("loading"));
    }

    private static Output embed(String kind, String src, String title, String loading) {
        Element div = element("div").attr("class", "video-embed " + kind);
        div.appendElement("iframe")
                .attr("src", src)
                .attr("title", title)
                .attr("allow", "encrypted-media; picture-in-picture; fullscreen")
                .attr("allowfullscreen", true)
                .attr("loading", "eager".equals(loading) ? "eager" : "lazy")
                .attr("referrerpolicy", "strict-origin-when-cross-origin")
                .attr("sandbox", "allow-scripts allow-same-origin allow-presentation allow-popups");
        return new Output(html(div), "", true);
    }

    private static Output gist(Shortcode s) {
        String user = s.get("user", 0);
        String id = s.get("id", 1);
        if (user == null || id == null || !USER.matcher(user).matches() || !GIST_ID.matcher(id).matches()) {
            return new Output("", "", true);
        }
        String file = s.get("file", 2);
        String url = "https://gist.github.com/" + user + "/" + id;
        String text = "Gist " + user + "/" + id;
        if (present(file)) {
            url += "#file-" + NOT_ANCHOR.matcher(file.toLowerCase(Locale.ROOT)).replaceAll("-");
            text += ": " + file;
        }
        Element p = element("p").attr("class", "gist");
        p.appendElement("a").attr("href", url).text(text);
        return new Output(html(p), text, true);
    }

    private static Output tweet(Shortcode s) {
        String user = s.get("user", 0);
        String id = s.get("id", 1);
        if (id == null && user != null && NUMBER.matcher(user).matches() && s.positional().size() == 1) {
            // the old form {{< tweet 1234 >}}: the id alone; x.com redirects /i/status/ID to the post
            id = user;
            user = "i";
        }
        if (user == null || id == null || !USER.matcher(user).matches() || !NUMBER.matcher(id).matches()) {
            return new Output("", "", true);
        }
        String url = "https://x.com/" + user + "/status/" + id;
        Element quote = element("blockquote").attr("class", "twitter-tweet");
        quote.appendElement("p").appendElement("a").attr("href", url).text("Post by @" + user + " on X");
        return new Output(html(quote), "", true);
    }

    private static Output instagram(Shortcode s) {
        String id = s.get("id", 0);
        if (id == null || !VIDEO_ID.matcher(id).matches()) {
            return new Output("", "", true);
        }
        Element quote = element("blockquote").attr("class", "instagram-media");
        quote.appendElement("p").appendElement("a").attr("href", "https://www.instagram.com/p/" + id + "/")
                .text("View this post on Instagram");
        return new Output(html(quote), "", true);
    }

    private static Output highlight(Shortcode s) {
        String inner = s.inner() == null ? "" : s.inner();
        inner = inner.startsWith("\r\n") ? inner.substring(2) : inner.startsWith("\n") ? inner.substring(1) : inner;
        if (inner.endsWith("\n")) {
            inner = inner.substring(0, inner.length() - 1);
        }
        String language = s.get("lang", 0);
        Element pre = element("pre");
        Element code = pre.appendElement("code");
        if (language != null && LANGUAGE.matcher(language).matches()) {
            code.attr("class", "language-" + language.toLowerCase(Locale.ROOT));
        }
        code.text(inner);
        return new Output(html(pre), inner, true);
    }

    private static Output details(Shortcode s, UnaryOperator<String> markdown) {
        Element details = element("details");
        attr(details, "class", s.get("class"));
        attr(details, "name", s.get("name"));
        String open = s.get("open");
        if ("true".equalsIgnoreCase(open) || "open".equalsIgnoreCase(open)) {
            details.attr("open", true);
        }
        String summary = s.get("summary");
        details.appendElement("summary").append(present(summary) ? inline(markdown.apply(summary)) : "Details");
        String inner = s.inner() == null ? "" : s.inner().strip();
        if (!inner.isEmpty()) {
            details.append(markdown.apply(inner));
        }
        return new Output(html(details), "", true);
    }

    private static Output param(Shortcode s, ShortcodeContext context) {
        String key = s.get("name", 0);
        Object value = key == null ? null : lookup(context.params(), key);
        if (value == null || value instanceof Map || value instanceof List) {
            return new Output("", "", false);
        }
        String text = String.valueOf(value);
        return new Output(escape(text), text, false);
    }

    private static Object lookup(Map<String, Object> params, String key) {
        if (params == null) {
            return null;
        }
        Object direct = caseless(params, key);
        if (direct != null || !key.contains(".")) {
            return direct;
        }
        Object current = params;
        for (String part : key.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = caseless(map, part);
        }
        return current;
    }

    private static Object caseless(Map<?, ?> map, String key) {
        Object value = map.get(key);
        if (value != null) {
            return value;
        }
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (String.valueOf(e.getKey()).equalsIgnoreCase(key)) {
                return e.getValue();
            }
        }
        return null;
    }

    private static Output ref(Shortcode s, ShortcodeContext context, boolean absolute) {
        String target = s.get("path", 0);
        if (target == null || target.isBlank()) {
            return new Output("", "", false);
        }
        String anchor = ShortcodeLinks.anchor(target);
        String path = ShortcodeLinks.stripAnchor(target);
        String url;
        if (path.isEmpty()) {
            url = anchor; // {{< ref "#section" >}}: this page
        } else {
            Optional<String> resolved = context.refs().apply(path);
            if (resolved.isEmpty()) {
                context.warnings().accept("shortcode " + s.name() + " '" + target + "': no such post");
                return new Output("", "", false);
            }
            url = (absolute ? context.siteUrl() : "") + resolved.get() + anchor;
        }
        return new Output(escape(url), url, false);
    }

    // ---- helpers

    private static Element element(String tag) {
        return new Element(tag);
    }

    private static String html(Element element) {
        Document document = new Document("");
        document.outputSettings(OUTPUT.clone());
        document.appendChild(element);
        return element.outerHtml();
    }

    private static void attr(Element element, String name, String value) {
        if (value != null && !value.isBlank()) {
            element.attr(name, value);
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static String size(String value) {
        return value != null && SIZE.matcher(value.strip()).matches() ? value.strip() : null;
    }

    /** The URL when it is http(s), protocol-relative or relative (no scheme); null otherwise. */
    static String safeUrl(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String trimmed = url.strip();
        for (int i = 0; i < trimmed.length(); i++) {
            if (Character.isISOControl(trimmed.charAt(i))) {
                return null;
            }
        }
        if (!SCHEME.matcher(trimmed).find()) {
            return trimmed;
        }
        String lower = trimmed.toLowerCase(Locale.ROOT);
        return lower.startsWith("http:") || lower.startsWith("https:") ? trimmed : null;
    }

    /** Rendered Markdown of one paragraph without its {@code <p>}. */
    private static String inline(String html) {
        String stripped = html.strip();
        if (stripped.startsWith("<p>") && stripped.endsWith("</p>") && stripped.indexOf("<p>", 3) < 0) {
            return stripped.substring(3, stripped.length() - 4);
        }
        return stripped;
    }

    /** Text escaped for HTML text and attribute values alike. */
    static String escape(String text) {
        return Entities.escape(text).replace("\"", "&quot;").replace("'", "&#39;");
    }
}
