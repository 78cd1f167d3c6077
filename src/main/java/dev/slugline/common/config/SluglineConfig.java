package dev.slugline.common.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Slugline's own settings, under the {@code slugline.} prefix of application.properties. */
@ConfigMapping(prefix = "slugline")
public interface SluglineConfig {

    Paging paging();

    Summary summary();

    Reading reading();

    Importing importing();

    /**
     * Import the sample posts of {@code examples/content} at the first start into an empty database. On in dev, off
     * in tests; prod never imports them, whatever is set.
     */
    @WithDefault("false")
    boolean sampleContent();

    /** The embedded PostgreSQL started when no datasource URL is configured (read early by dev.slugline.embedded). */
    EmbeddedPostgres embeddedPostgres();
    Site site();

    Http http();

    interface Paging {
        /** Items per page when the client does not ask for a size. */
        @WithDefault("10")
        int defaultSize();

        /** The largest page a client may ask for; larger sizes are refused with 400. */
        @WithDefault("100")
        int maxSize();
    }

    interface Summary {
        /** A derived summary is cut at the last word boundary before this many characters. */
        @WithDefault("200")
        int maxLength();
    }

    interface Importing {
        /** The zone of front matter dates written without an offset ({@code 2018-09-18 12:07}). */
        @WithDefault("UTC")
        java.time.ZoneId defaultZone();

        /** Longest front matter string value (other than the body); longer is refused, never truncated. */
        @WithDefault("10000")
        int maxFieldLength();

        /** Largest archive accepted by {@code POST /api/imports}, in bytes (413 above). */
        @WithDefault("100M")
        io.quarkus.runtime.configuration.MemorySize maxArchiveSize();

        /** Largest total of all files once unpacked, in bytes (413 above: zip bombs). */
        @WithDefault("400M")
        io.quarkus.runtime.configuration.MemorySize maxExpandedSize();

        /** Most files (entries) in one import (413 above). */
        @WithDefault("50000")
        int maxFiles();

        /** Largest single unpacked file, in bytes (413 above). */
        @WithDefault("10M")
        io.quarkus.runtime.configuration.MemorySize maxFileSize();

        /** Deepest folder nesting inside an archive (422 above). */
        @WithDefault("16")
        int maxDepth();

        /**
         * Imports one instance runs at once (each may hold its archive unpacked, up to {@code max-expanded-size},
         * in memory). Further imports wait up to {@code permit-wait} for one to finish, then get a 429 with
         * {@code Retry-After}.
         */
        @WithDefault("2")
        int maxConcurrent();

        /** How long an import waits for a running one to finish before its 429 ({@code 0s}: not at all). */
        @WithDefault("PT2S")
        java.time.Duration permitWait();

        /** The {@code Retry-After} (seconds) of an import refused because others are running. */
        @WithDefault("10")
        int retryAfter();
    }

    /** Uploaded and imported files (images), stored in PostgreSQL. */
    Media media();

    interface Media {
        /** Largest file {@code POST /api/media} accepts, in bytes (413 above). */
        @WithDefault("10M")
        io.quarkus.runtime.configuration.MemorySize maxSize();

        /** Content types {@code POST /api/media} accepts, checked against the bytes. */
        @WithDefault("image/png,image/jpeg,image/gif,image/webp,image/svg+xml")
        java.util.List<String> allowedTypes();

        /** Cache-Control max-age of served media, in seconds. */
        @WithDefault("31536000")
        long maxAge();
    }

    interface Reading {
        /** Reading speed used for a post's reading time. */
        @WithDefault("230")
        int wordsPerMinute();
    }

    /** How post bodies become HTML (issue 13). */
    Rendering rendering();

    interface Rendering {
        /**
         * Raw HTML written in a post: {@code sanitize} keeps the elements and attributes of an allowlist
         * (rendering.HtmlSanitizer) and drops the rest, keeping its text; {@code escape} shows it as text.
         */
        @WithDefault("sanitize")
        RawHtml rawHtml();

        /** Hosts an {@code <iframe>} in raw HTML may load from (https only, always sandboxed); any other is dropped. */
        @WithDefault("www.youtube-nocookie.com,youtube-nocookie.com,www.youtube.com,youtube.com,player.vimeo.com")
        java.util.List<String> embedHosts();

        enum RawHtml { SANITIZE, ESCAPE }
    }

    interface EmbeddedPostgres {
        /** Start an embedded PostgreSQL when no datasource URL is configured; {@code false} makes a URL mandatory. */
        @WithDefault("true")
        boolean enabled();

        /** The folder holding its data; it survives restarts. */
        @WithDefault("./data/postgres")
        String dataDir();

        /** The port on 127.0.0.1; 0 picks a free one at each start. */
        @WithDefault("0")
        int port();

        /** The database Slugline uses inside it; created when missing. */
        @WithDefault("slugline")
        String database();
    }

    interface Site {
        /** The public address of the site; feeds and the sitemap build absolute links from it. */
        @WithDefault("http://localhost:8080")
        String url();

        /** The site's title in feeds. */
        @WithDefault("Slugline")
        String title();

        /** The site's description in feeds. */
        @WithDefault("Posts published with Slugline")
        String description();

        /**
         * Where a post is read on the public site; {slug} is replaced by the post's slug. Feeds and the sitemap link
         * there, {@code GET /api/redirects} answers with it, and an import points links between the posts of an
         * imported site at it.
         */
        @WithDefault("/posts/{slug}")
        String postPath();

        /**
         * Where a standalone page (About) is read on the public site; {slug} is replaced by its slug. The sitemap
         * links there, and the Ghost Content API gives it as the page's {@code url}.
         */
        @WithDefault("/{slug}/")
        String pagePath();

        /** The site's language (Ghost's {@code settings.lang}). */
        @WithDefault("en")
        String lang();

        /** The site's time zone (Ghost's {@code settings.timezone}). */
        @WithDefault("Etc/UTC")
        String timezone();

        /** The site's logo URL (Ghost's {@code settings.logo}). */
        java.util.Optional<String> logo();

        /** The site's icon URL (Ghost's {@code settings.icon}). */
        java.util.Optional<String> icon();

        /** The site's navigation as {@code Label=/path} entries, comma-separated (Ghost's {@code settings.navigation}). */
        java.util.Optional<java.util.List<String>> navigation();
    }

    interface Http {
        /** Cache-Control of every successful read (GET) of the API, the feeds and the sitemap. */
        @WithDefault("public, max-age=60, stale-while-revalidate=300")
        String cacheControl();

        /** Responses of lists, searches, archive and feeds kept in memory (0 turns the cache off). */
        @WithDefault("1000")
        int responseCacheEntries();
    }
}
