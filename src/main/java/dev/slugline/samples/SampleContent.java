package dev.slugline.samples;

import dev.slugline.common.config.SluglineConfig;
import dev.slugline.importing.ImportReport;
import dev.slugline.importing.ImportService;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sample posts of {@code examples/content} (shipped in the jar as {@code sample-content/}), imported at the first
 * start into an empty database when {@code slugline.sample-content} is on (dev). Never in prod. The first start is
 * claimed in the database, so instances starting at once import once, and a database that ever held posts (or was
 * started before) never gets them.
 */
@Singleton
public class SampleContent {

    /** The folder on the class path; {@code FILES} lists its files (a jar's folders cannot be listed). */
    static final String FOLDER = "sample-content/";
    static final String FILES = FOLDER + ".sample-content-files";

    private final ImportService imports;
    private final SampleContentRepository claims;
    private final SluglineConfig config;

    public SampleContent(ImportService imports, SampleContentRepository claims, SluglineConfig config) {
        this.imports = imports;
        this.claims = claims;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        if (LaunchMode.current() == LaunchMode.NORMAL) {
            if (config.sampleContent()) {
                Log.warn("slugline.sample-content is ignored in prod: sample posts are only imported in dev");
            }
            return;
        }
        if (config.sampleContent()) {
            importAtFirstStart();
        }
    }

    /** Imports the sample posts if this is the first start on an empty database; returns the posts created. */
    @ActivateRequestContext
    public int importAtFirstStart() {
        boolean claimed = QuarkusTransaction.requiringNew().call(() -> {
            boolean empty = !claims.anyPost();
            return claims.claim(empty) && empty;
        });
        if (!claimed) {
            Log.debug("Sample content: not the first start on an empty database, nothing imported");
            return 0;
        }
        ImportReport report = imports.importUploaded(files(), new ImportService.Options(false, false, false));
        int posts = created(report, ImportReport.Kind.post);
        Log.infof("Imported %d sample posts, %d page(s) and their images from examples/content into the empty database; "
                + "to start empty, set slugline.sample-content=false (or SLUGLINE_SAMPLE_CONTENT=false)", posts,
                created(report, ImportReport.Kind.page));
        report.files().stream().filter(f -> f.reason() != null)
                .forEach(f -> Log.warnf("Sample content: %s %s: %s", f.path(), f.status(), f.reason()));
        return posts;
    }

    /** The sample files by path relative to the content folder, as an upload. */
    static Map<String, byte[]> files() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String line : new String(read(FILES), StandardCharsets.UTF_8).split("\n")) {
            String path = line.strip();
            if (!path.isEmpty() && !path.startsWith("#")) {
                files.put(path, read(FOLDER + path));
            }
        }
        return files;
    }

    private static byte[] read(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The sample content " + resource + " is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int created(ImportReport report, ImportReport.Kind kind) {
        return (int) report.files().stream().filter(f -> f.kind() == kind && f.status() == ImportReport.Status.created).count();
    }
}
