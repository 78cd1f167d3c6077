package dev.slugline.feeds;

import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import dev.slugline.authors.AuthorRef;
import dev.slugline.authors.AuthorService;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import dev.slugline.common.config.SluglineConfig;
import dev.slugline.common.sql.SqlValues;
import dev.slugline.search.PostListing;
import dev.slugline.search.SearchService;
import dev.slugline.taxonomy.TaxonomyService;
import dev.slugline.taxonomy.TermRef;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** RSS 2.0 and Atom 1.0 (with Rome), JSON Feed 1.1 and the sitemap, with absolute links to the public site. */
@ApplicationScoped
public class FeedService {

    public enum Format { RSS, ATOM, JSON }

    /** Which posts a feed carries: all, or those of one tag or category. */
    /** Which posts a feed holds: all, or those with a tag, a category or an author ({@code parameter} of the post list). */
    public record Scope(String parameter, String slug) {
        public static final Scope ALL = new Scope(null, null);
    }

    static final int FEED_SIZE = 20;
    static final int SITEMAP_LIMIT = 50_000;

    private final SearchService search;
    private final TaxonomyService taxonomy;
    private final AuthorService authors;
    private final SluglineConfig.Site site;
    private final ObjectMapper json;

    public FeedService(SearchService search, TaxonomyService taxonomy, AuthorService authors, SluglineConfig config,
                       ObjectMapper json) {
        this.authors = authors;
        this.search = search;
        this.taxonomy = taxonomy;
        this.site = config.site();
        this.json = json;
    }

    /** The feed of a scope in a format, as text; a 404 if the tag, category or author is not public. */
    public String feed(Scope scope, Format format, String feedPath) {
        String title = site.title();
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (scope.parameter() != null) {
            String name = switch (scope.parameter()) {
                case "tag" -> taxonomy.getTag(scope.slug()).name();
                case "category" -> taxonomy.getCategory(scope.slug()).name();
                default -> authors.get(scope.slug(), null).name();
            };
            title += " – " + name;
            parameters.put(scope.parameter(), List.of(scope.slug()));
        }
        parameters.put("size", List.of(Integer.toString(FEED_SIZE)));
        parameters.put("fields", List.of("slug,title,summary,publishedAt,updatedAt,categories,tags,authors,html"));
        PostListing posts = search.list(search.parse(parameters));
        String feedUrl = absolute(feedPath);
        return format == Format.JSON ? jsonFeed(title, feedUrl, posts) : syndication(title, feedUrl, posts, format);
    }

    private String syndication(String title, String feedUrl, PostListing posts, Format format) {
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType(format == Format.RSS ? "rss_2.0" : "atom_1.0");
        feed.setTitle(title);
        feed.setDescription(site.description());
        feed.setLink(home());
        feed.setUri(feedUrl);
        SyndLink self = new SyndLinkImpl();
        self.setRel("self");
        self.setHref(feedUrl);
        self.setType(format == Format.RSS ? "application/rss+xml" : "application/atom+xml");
        SyndLink alternate = new SyndLinkImpl();
        alternate.setRel("alternate");
        alternate.setHref(home());
        alternate.setType("text/html");
        feed.setLinks(List.of(alternate, self));
        feed.setPublishedDate(Date.from(latest(posts).toInstant()));
        List<SyndEntry> entries = new ArrayList<>();
        for (Map<String, Object> post : posts.items()) {
            SyndEntry entry = new SyndEntryImpl();
            String url = postUrl((String) post.get("slug"));
            entry.setTitle(xmlText((String) post.get("title")));
            entry.setLink(url);
            entry.setUri(url);
            entry.setPublishedDate(date(post.get("publishedAt")));
            entry.setUpdatedDate(date(post.get("updatedAt")));
            SyndContent summary = new SyndContentImpl();
            summary.setType("text/plain");
            String text = xmlText((String) post.get("summary"));
            // RSS readers take an item's description as HTML: the plain-text summary is escaped for it (issue 13)
            summary.setValue(format == Format.RSS && text != null ? escapeXml(text) : text);
            entry.setDescription(summary);
            SyndContent content = new SyndContentImpl();
            content.setType("html");
            content.setValue(xmlText((String) post.get("html")));
            entry.setContents(List.of(content));
            List<String> writers = authorsOf(post).stream().map(a -> xmlText(a.name())).toList();
            if (writers.isEmpty()) {
                entry.setAuthor(site.title());
            } else if (format == Format.RSS) {
                // RSS's own <author> is an e-mail address: the names are Dublin Core creators, one element each
                ((DCModule) entry.getModule(DCModule.URI)).setCreators(writers);
            } else {
                entry.setAuthors(writers.stream().map(name -> {
                    SyndPerson person = new SyndPersonImpl();
                    person.setName(name);
                    return person;
                }).toList());
            }
            List<SyndCategory> categories = new ArrayList<>();
            for (String key : List.of("categories", "tags")) {
                for (TermRef term : terms(post.get(key))) {
                    SyndCategory category = new SyndCategoryImpl();
                    category.setName(xmlText(term.name()));
                    categories.add(category);
                }
            }
            entry.setCategories(categories);
            entries.add(entry);
        }
        feed.setEntries(entries);
        try {
            return new SyndFeedOutput().outputString(feed, true);
        } catch (FeedException e) {
            throw new IllegalStateException("Rome could not write the feed", e);
        }
    }

    private String jsonFeed(String title, String feedUrl, PostListing posts) {
        Map<String, Object> feed = new LinkedHashMap<>();
        feed.put("version", "https://jsonfeed.org/version/1.1");
        feed.put("title", title);
        feed.put("home_page_url", home());
        feed.put("feed_url", feedUrl);
        feed.put("description", site.description());
        feed.put("language", "und");
        List<Map<String, Object>> items = new ArrayList<>();
        for (Map<String, Object> post : posts.items()) {
            Map<String, Object> item = new LinkedHashMap<>();
            String url = postUrl((String) post.get("slug"));
            item.put("id", url);
            item.put("url", url);
            item.put("title", post.get("title"));
            item.put("content_html", post.get("html"));
            item.put("summary", post.get("summary"));
            item.put("date_published", iso(post.get("publishedAt")));
            item.put("date_modified", iso(post.get("updatedAt")));
            List<String> tags = new ArrayList<>();
            terms(post.get("categories")).forEach(t -> tags.add(t.name()));
            terms(post.get("tags")).forEach(t -> tags.add(t.name()));
            item.put("tags", tags);
            List<Map<String, Object>> writers = new ArrayList<>();
            authorsOf(post).forEach(a -> writers.add(Map.of("name", a.name())));
            if (!writers.isEmpty()) {
                item.put("authors", writers);
            }
            items.add(item);
        }
        feed.put("items", items);
        try {
            return json.writeValueAsString(feed);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The sitemap protocol's urlset of every public post and page (at most 50,000, the protocol's limit). */
    public String sitemap() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        xml.append("  <url><loc>").append(escapeXml(home())).append("</loc></url>\n");
        for (Object[] row : search.sitemap(SITEMAP_LIMIT)) {
            String url = "page".equals(row[2]) ? pageUrl((String) row[0]) : postUrl((String) row[0]);
            xml.append("  <url><loc>").append(escapeXml(url)).append("</loc><lastmod>")
                    .append(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(SqlValues.dateTime(row[1], null)
                            .withNano(0)))
                    .append("</lastmod></url>\n");
        }
        return xml.append("</urlset>\n").toString();
    }

    private String home() {
        return site.url().replaceAll("/+$", "") + "/";
    }

    private String absolute(String path) {
        return site.url().replaceAll("/+$", "") + "/" + path.replaceFirst("^/+", "");
    }

    private String postUrl(String slug) {
        return absolute(site.postPath().replace("{slug}", slug));
    }

    private String pageUrl(String slug) {
        return absolute(site.pagePath().replace("{slug}", slug));
    }

    private static OffsetDateTime latest(PostListing posts) {
        return posts.items().stream().map(p -> (OffsetDateTime) p.get("updatedAt"))
                .max(OffsetDateTime::compareTo).orElse(OffsetDateTime.parse("2000-01-01T00:00:00Z"));
    }

    private static Date date(Object value) {
        return value == null ? null : Date.from(((OffsetDateTime) value).toInstant());
    }

    private static String iso(Object value) {
        return value == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format((OffsetDateTime) value);
    }

    @SuppressWarnings("unchecked")
    private static List<TermRef> terms(Object value) {
        return value == null ? List.of() : (List<TermRef>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<AuthorRef> authorsOf(Map<String, Object> post) {
        Object value = post.get("authors");
        return value == null ? List.of() : (List<AuthorRef>) value;
    }

    static String escapeXml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /**
     * The text without the characters XML 1.0 cannot hold (C0 controls other than tab and line breaks, lone
     * surrogates, U+FFFE, U+FFFF): a post may hold them, and the feed must still be XML.
     */
    static String xmlText(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder legal = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                    || (c >= 0x10000 && c <= 0x10FFFF)) {
                legal.appendCodePoint(c);
            }
        }
        return legal.length() == text.length() ? text : legal.toString();
    }
}
