package dev.slugline.importing;

import dev.slugline.authors.AuthorService;
import dev.slugline.webhooks.WebhookService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.micrometer.core.instrument.MeterRegistry;
import dev.slugline.common.config.SluglineConfig;
import dev.slugline.common.errors.PayloadTooLargeException;
import dev.slugline.common.errors.SluglineException;
import dev.slugline.common.errors.UnprocessableContentException;
import dev.slugline.common.text.Slugs;
import dev.slugline.media.MediaService;
import dev.slugline.posts.PostInput;
import dev.slugline.posts.Kinds;
import dev.slugline.posts.PostImportService;
import dev.slugline.posts.PostPaths;
import dev.slugline.posts.PostService;
import dev.slugline.rendering.MarkdownRenderer;
import dev.slugline.rendering.FeatureImage;
import dev.slugline.rendering.RenderedMarkdown;
import dev.slugline.rendering.shortcodes.ShortcodeContext;
import dev.slugline.rendering.shortcodes.ShortcodeLinks;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.context.ManagedExecutor;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Brings a whole site in: every Markdown file of an archive (or of a multipart upload) becomes a post, every
 * other file a medium. Files are read and checked first, without a transaction; then media and posts are written
 * in chunks, each chunk in one transaction with a fixed number of statements. A file that fails is reported and
 * nothing of it is written; the others go on. Importing the same files again changes nothing, and a file whose
 * bytes were imported before is recognised by their hash without being read again. What an editor changed through
 * the API since an import wrote it (or what no import wrote) is never overwritten unasked: its file is a conflict.
 */
@ApplicationScoped
public class ImportService {

    private static final int BATCH = 500;
    private static final Set<String> NOT_CATEGORIES = Set.of("content", "_posts", "source", "_drafts");

    private final ArchiveReader archives;
    private final PostFileReader files;
    private final PostService posts;
    private final PostImportService postImports;
    private final ManagedExecutor writer;
    private final MediaService media;
    private final MarkdownRenderer renderer;
    private final SluglineConfig config;
    private final PostPaths oldPaths;
    private final ShortcodeLinks shortcodes;
    private final AuthorService authors;

    public ImportService(ArchiveReader archives, PostFileReader files, PostService posts, PostImportService postImports,
                         MediaService media, MarkdownRenderer renderer, SluglineConfig config, MeterRegistry meters,
                         WebhookService webhooks, ManagedExecutor writer, PostPaths oldPaths, ShortcodeLinks shortcodes,
                         AuthorService authors) {
        this.authors = authors;
        this.oldPaths = oldPaths;
        this.shortcodes = shortcodes;
        this.postImports = postImports;
        this.writer = writer;
        this.meters = meters;
        this.webhooks = webhooks;
        this.archives = archives;
        this.files = files;
        this.posts = posts;
        this.media = media;
        this.renderer = renderer;
        this.config = config;
    }

    /**
     * How to import. {@code overwrite}: a file whose post was written through the API since it was imported (or
     * never was) replaces it; otherwise that file is a conflict and nothing of it is written.
     */
    public record Options(boolean dryRun, boolean foldersAsCategories, boolean overwrite) {
    }

    private final MeterRegistry meters;
    private final WebhookService webhooks;

    public static final String IMPORT_FINISHED = "import.finished";

    public ImportReport importArchive(byte[] archive, Options options) {
        return counted(importFiles(archives.read(archive), options));
    }

    /**
     * {@code slugline_import_files_total} by outcome, and the {@code import.finished} webhook event, for real
     * imports (a dry run writes nothing and announces nothing).
     */
    private ImportReport counted(ImportReport report) {
        if (!report.dryRun()) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("created", report.created());
            payload.put("updated", report.updated());
            payload.put("unchanged", report.unchanged());
            payload.put("failed", report.failed());
            payload.put("skipped", report.skipped());
            payload.put("conflict", report.conflict());
            QuarkusTransaction.requiringNew().run(() -> webhooks.enqueue(IMPORT_FINISHED, payload));
            meters.counter("slugline_import_files", "outcome", "created").increment(report.created());
            meters.counter("slugline_import_files", "outcome", "updated").increment(report.updated());
            meters.counter("slugline_import_files", "outcome", "unchanged").increment(report.unchanged());
            meters.counter("slugline_import_files", "outcome", "failed").increment(report.failed());
            meters.counter("slugline_import_files", "outcome", "conflict").increment(report.conflict());
        }
        return report;
    }

    /**
     * Files by clean relative path (a multipart upload: checked against the same limits as an archive); the map is
     * emptied. One file alone whose path is too long to store is refused (422); among others it fails in the report.
     */
    public ImportReport importUploaded(Map<String, byte[]> uploaded, Options options) {
        if (uploaded.size() == 1) {
            String path = uploaded.keySet().iterator().next();
            ImportPaths.tooLong(path).ifPresent(reason -> {
                throw new UnprocessableContentException("files", "'" + ImportPaths.printable(path) + "': " + reason);
            });
        }
        long total = 0;
        for (Map.Entry<String, byte[]> file : uploaded.entrySet()) {
            if (file.getValue().length > config.importing().maxFileSize().asLongValue()) {
                throw new PayloadTooLargeException("files", "'" + file.getKey() + "' is larger than "
                        + config.importing().maxFileSize().asLongValue() + " bytes (slugline.importing.max-file-size)");
            }
            total += file.getValue().length;
        }
        if (uploaded.size() > config.importing().maxFiles()) {
            throw new PayloadTooLargeException("files", "more than " + config.importing().maxFiles()
                    + " files (slugline.importing.max-files)");
        }
        if (total > config.importing().maxExpandedSize().asLongValue()) {
            throw new PayloadTooLargeException("files", "the files add up to more than "
                    + config.importing().maxExpandedSize().asLongValue() + " bytes");
        }
        return counted(importFiles(uploaded, options));
    }

    private ImportReport importFiles(Map<String, byte[]> all, Options options) {
        postImports.started();
        int[] written = {0};
        try {
            return importFiles(all, options, written);
        } finally {
            postImports.finished(options.dryRun() ? 0 : written[0]);
        }
    }

    private ImportReport importFiles(Map<String, byte[]> all, Options options, int[] writtenCount) {
        long started = System.nanoTime();
        Map<String, byte[]> mediaFiles = new LinkedHashMap<>();
        List<String> postPaths = new ArrayList<>();
        Map<String, ImportReport.FileReport> reports = new LinkedHashMap<>();
        HugoSite site = HugoSite.of(all);
        AuthorProfiles profiles = AuthorProfiles.of(all);
        all.forEach((path, data) -> {
            if (ImportPaths.isIgnored(path)) {
                return;
            }
            if (profiles.files().containsKey(path)) {
                reports.put(path, report(path, ImportReport.Kind.media, ImportReport.Status.skipped, null, null, null,
                        profiles.files().get(path), List.of()));
                return;
            }
            if (site.configFiles().contains(path)) {
                // settings, not media: published as a file they could show a site's private params
                reports.put(path, report(path, ImportReport.Kind.media, ImportReport.Status.skipped, null, null, null,
                        "the Hugo site's config: read for baseURL, permalinks and taxonomies, not stored", List.of()));
                return;
            }
            java.util.Optional<String> tooLong = ImportPaths.tooLong(path);
            if (tooLong.isPresent()) {
                reports.put(path, report(path, ImportPaths.isPost(path, data) ? ImportReport.Kind.post : ImportReport.Kind.media,
                        ImportReport.Status.failed, null, "path", null, tooLong.get(), List.of()));
            } else if (!ImportPaths.isPost(path, data)) {
                mediaFiles.put(path, data);
            } else if (ImportPaths.isSectionPage(path)) {
                reports.put(path, report(path, ImportReport.Status.skipped, null, null, null,
                        "a Hugo section page lists posts; it is not one", List.of()));
            } else {
                postPaths.add(path);
                reports.put(path, null);
            }
        });

        // 1. media first, so the posts' image URLs lead somewhere
        if (!mediaFiles.isEmpty()) {
            List<String> mediaPaths = new ArrayList<>(mediaFiles.keySet());
            for (int from = 0; from < mediaPaths.size(); from += BATCH) {
                Map<String, byte[]> batch = new LinkedHashMap<>();
                mediaPaths.subList(from, Math.min(mediaPaths.size(), from + BATCH)).forEach(p -> batch.put(p, mediaFiles.get(p)));
                List<MediaService.Imported> outcomes = media.importAll(batch, options.dryRun(), options.overwrite());
                int i = 0;
                for (String path : batch.keySet()) {
                    MediaService.Imported outcome = outcomes.get(i++);
                    if (outcome.outcome() == MediaService.Outcome.SKIPPED) {
                        // not a media type (by its bytes): not stored, and no image of a post leads to it
                        mediaFiles.remove(path);
                        reports.put(path, report(path, ImportReport.Kind.media, ImportReport.Status.skipped, null,
                                "type", null, outcome.reason(), List.of()));
                        continue;
                    }
                    reports.put(path, report(path, ImportReport.Kind.media, status(outcome.outcome().name()),
                            MediaService.url(path), outcome.reason() == null ? null : "path", null, outcome.reason(), List.of()));
                }
            }
        }

        // 2. a file whose bytes (and everything else that decides how it is read) were imported before and whose
        //    post nothing has changed since is unchanged: known from its hash alone, without reading it
        Set<String> mediaPaths = Set.copyOf(mediaFiles.keySet());
        byte[] context = hashContext(options, mediaPaths, site, postPaths, profiles);
        SitePaths served = new SitePaths(mediaPaths);
        List<String> fileHashes = IntStream.range(0, postPaths.size()).parallel()
                .mapToObj(i -> fileHash(context, postPaths.get(i), all.get(postPaths.get(i)))).toList();
        Map<String, PostImportService.UnchangedFile> known = postImports.findUnchanged(fileHashes);

        // 3. read and check every other post file, in parallel: no database work here
        List<Candidate> read = IntStream.range(0, postPaths.size()).parallel()
                .mapToObj(i -> {
                    PostImportService.UnchangedFile unchanged = known.get(fileHashes.get(i));
                    return unchanged != null ? Candidate.unchanged(postPaths.get(i), fileHashes.get(i), unchanged)
                            : readPost(postPaths.get(i), fileHashes.get(i), all.get(postPaths.get(i)), options, site, profiles);
                })
                .toList();

        long readDone = System.nanoTime();
        // the bytes are read: let them go (an archive of 10,000 posts unpacks to some 80 MB)
        all.clear();
        mediaFiles.clear();

        // 4. files claiming one slug (a weekly post under dated permalinks) all become posts: see DuplicateSlugs
        DuplicateSlugs.resolve(read.stream().filter(c -> c.failure == null && !c.knownUnchanged)
                        .map(c -> new DuplicateSlugs.Claim(c.path, c.slug, c.input.publishedAt())).toList(),
                read.stream().filter(c -> c.knownUnchanged).map(c -> c.slug).collect(java.util.stream.Collectors.toSet()))
                .forEach((path, slug) -> read.stream().filter(c -> c.path.equals(path)).findFirst().ifPresent(c -> {
                    c.wantedSlug = c.slug;
                    c.slug = slug;
                }));

        // Hugo's ref and relref name other files of the archive
        ArchiveRefs refs = new ArchiveRefs();
        read.stream().filter(c -> c.failure == null && c.slug != null).forEach(c -> refs.add(c.path, c.slug));

        List<Candidate> toWrite = new ArrayList<>();
        for (Candidate c : read) {
            if (c.failure != null) {
                reports.put(c.path, c.failure);
            } else if (c.knownUnchanged) {
                reports.put(c.path, report(c.path, c.page ? ImportReport.Kind.page : ImportReport.Kind.post,
                        ImportReport.Status.unchanged, c.slug, null, null, null, c.warnings));
            } else {
                toWrite.add(c);
            }
        }

        // 4b. issue 13: where each post was on the old site, so its old URL and the links to it lead to it now
        OldSiteLinks links = oldSiteLinks(site, read);

        // 5. the rest a chunk at a time: rendered in parallel here while the chunk before is written on another
        //    thread (one transaction per chunk); a chunk that fails is retried file by file, so one bad file
        //    stops nothing else
        String author = postImports.author();
        List<Candidate> written = null;
        List<PostImportService.Item> writtenItems = null;
        java.util.concurrent.Future<List<PostImportService.Result>> writing = null;
        for (int from = 0; from < toWrite.size(); from += BATCH) {
            List<Candidate> chunk = toWrite.subList(from, Math.min(toWrite.size(), from + BATCH));
            List<PostImportService.Item> prepared = chunk.parallelStream().map(c -> prepareOrFail(c, served, links, refs)).toList();
            List<Candidate> ready = new ArrayList<>();
            List<PostImportService.Item> items = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                if (prepared.get(i) == null) {
                    reports.put(chunk.get(i).path, chunk.get(i).failure);
                } else {
                    ready.add(chunk.get(i));
                    items.add(prepared.get(i));
                }
            }
            if (writing != null) {
                report(reports, written, writtenItems, writing, options, author);
            }
            written = ready;
            writtenItems = items;
            writing = writer.submit(() -> options.dryRun() ? postImports.plan(items, options.overwrite())
                    : postImports.importAll(items, author, options.overwrite()));
        }
        if (writing != null) {
            report(reports, written, writtenItems, writing, options, author);
        }
        if (!options.dryRun()) {
            authors.fillProfiles(profiles.profiles(mediaPaths));
        }
        List<ImportReport.FileReport> list = new ArrayList<>(reports.values());
        writtenCount[0] = toWrite.size();
        Log.infof("Imported %d files (%d posts, %d known unchanged by their hash) in %d ms (read %d ms, rendered and"
                        + " written %d ms)%s", list.size(), postPaths.size(), known.size(), (System.nanoTime() - started) / 1_000_000,
                (readDone - started) / 1_000_000, (System.nanoTime() - readDone) / 1_000_000, options.dryRun() ? " (dry run)" : "");
        return ImportReport.of(options.dryRun(), list);
    }

    /** The outcomes of a chunk once it is written; if it could not be, its files are tried one by one. */
    private void report(Map<String, ImportReport.FileReport> reports, List<Candidate> chunk, List<PostImportService.Item> items,
                        java.util.concurrent.Future<List<PostImportService.Result>> writing, Options options, String author) {
        try {
            List<PostImportService.Result> results = writing.get();
            for (int i = 0; i < chunk.size(); i++) {
                reports.put(chunk.get(i).path, done(chunk.get(i), items.get(i), results.get(i)));
            }
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while importing", e);
        } catch (java.util.concurrent.ExecutionException chunkFailure) {
            Log.debugf(chunkFailure.getCause(), "Import chunk failed; retrying its %d files one by one", chunk.size());
        }
        for (int i = 0; i < chunk.size(); i++) {
            Candidate c = chunk.get(i);
            List<PostImportService.Item> one = List.of(items.get(i));
            try {
                reports.put(c.path, done(c, one.get(0), (options.dryRun() ? postImports.plan(one, options.overwrite())
                        : postImports.importAll(one, author, options.overwrite())).get(0)));
            } catch (RuntimeException e) {
                reports.put(c.path, report(c.path, ImportReport.Status.failed, c.slug, null, null,
                        e instanceof SluglineException ? e.getMessage() : "could not be stored: " + rootMessage(e), one.get(0).warnings()));
            }
        }
    }

    /** What, besides a file's path and bytes, decides how it is read: the options, the zone, the media beside it. */
    private byte[] hashContext(Options options, Set<String> mediaPaths, HugoSite site, List<String> postPaths,
                               AuthorProfiles profiles) {
        StringBuilder context = new StringBuilder("slugline-import-2\n") // 2: feature images (V150)
                .append(options.foldersAsCategories()).append('\n')
                .append(config.importing().defaultZone()).append('\n');
        mediaPaths.stream().sorted().forEach(path -> context.append(path).append('\n'));
        if (site.isHugo()) {
            // the site's config and its other posts decide a post's former paths and where its links lead
            context.append(config.site().postPath()).append('\n').append(site.fingerprint()).append('\n');
            postPaths.stream().sorted().forEach(path -> context.append(path).append('\n'));
        }
        if (profiles != AuthorProfiles.NONE) {
            context.append(profiles.fingerprint()); // absent without profiles, so hashes stored before stay valid
        }
        return context.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String fileHash(byte[] context, String path, byte[] data) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(context);
            sha.update(path.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(data);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Candidate readPost(String path, String fileHash, byte[] data, Options options, HugoSite site,
                               AuthorProfiles profiles) {
        Candidate c = new Candidate(path, fileHash);
        try {
            String text = utf8(data);
            PostFileReader.ReadFile file = files.read(path, text, site.termKeys(), site.isOutsideMainSections(path));
            c.warnings.addAll(file.warnings());
            PostInput input = profiles.named(file.input());
            String slug = file.slug() != null ? file.slug() : Slugs.fromText(input.title());
            if (options.foldersAsCategories()) {
                input = withFolderCategory(path, input);
            }
            posts.checkImportable(slug, input);
            c.slug = slug;
            c.input = input;
            c.frontMatterSlug = file.frontMatterSlug();
        } catch (FileRefusedException e) {
            c.failure = report(path, ImportReport.Status.failed, null, e.field(), e.line(), e.reason(), c.warnings);
        } catch (SluglineException e) {
            String field = e.violations().isEmpty() ? null : e.violations().get(0).field();
            String reason = e.violations().isEmpty() ? e.getMessage() : e.violations().get(0).message();
            c.failure = report(path, ImportReport.Status.failed, null, field, null, reason, c.warnings);
        } catch (RuntimeException e) {
            Log.warnf(e, "Import of %s failed", path);
            c.failure = report(path, ImportReport.Status.failed, null, "file", null,
                    "could not be read: " + rootMessage(e), c.warnings);
        }
        return c;
    }

    /**
     * The former paths of every post read (final slugs: after step 4), and of the posts of files known unchanged
     * (as stored when they were imported), for {@link OldSiteLinks}.
     */
    private OldSiteLinks oldSiteLinks(HugoSite site, List<Candidate> read) {
        Map<String, String> slugByPath = new HashMap<>();
        Map<String, String> slugBySource = new HashMap<>();
        Map<String, Candidate> claimedBy = new HashMap<>();
        List<String> unchanged = new ArrayList<>();
        if (site.isHugo()) {
            for (Candidate c : read) {
                if (c.failure != null || c.slug == null) {
                    continue;
                }
                slugBySource.put(c.path, c.slug);
                if (c.knownUnchanged) {
                    unchanged.add(c.slug);
                    continue;
                }
                c.formerPaths = site.formerPaths(c.path, c.input, c.frontMatterSlug);
                for (String path : c.formerPaths) {
                    // the last file claiming a path has it, as when stored; both files say so
                    Candidate before = claimedBy.put(path, c);
                    if (before != null && !before.slug.equals(c.slug)) {
                        before.warnings.add("old path '" + path + "' is also the path of " + c.path + ": it leads there");
                        c.warnings.add("old path '" + path + "' is also the path of " + before.path + ": it leads here");
                    }
                    slugByPath.put(path, c.slug);
                }
            }
            oldPaths.formerPathsOf(unchanged).forEach(slugByPath::putIfAbsent);
        }
        return new OldSiteLinks(site, slugByPath, slugBySource, config.site().postPath());
    }

    /** {@link #prepare}, or null with the file's failure set if rendering it failed unexpectedly. */
    private PostImportService.Item prepareOrFail(Candidate c, SitePaths mediaPaths, OldSiteLinks links, ArchiveRefs refs) {
        try {
            return prepare(c, mediaPaths, links, refs);
        } catch (RuntimeException e) {
            Log.warnf(e, "Import of %s failed", c.path);
            c.failure = report(c.path, ImportReport.Status.failed, c.slug, "file", null,
                    "could not be rendered: " + rootMessage(e), c.warnings);
            return null;
        }
    }

    /**
     * Renders a read file, pointing its relative images at the media of this import (and warning about those
     * that are not in it or point outside it), and hashes what it decides about its post.
     */
    private PostImportService.Item prepare(Candidate c, SitePaths mediaPaths, OldSiteLinks links, ArchiveRefs refs) {
        List<String> warnings = new ArrayList<>(c.warnings);
        Map<String, String> imageUrls = new LinkedHashMap<>();
        Map<String, String> linkUrls = new LinkedHashMap<>();
        UnaryOperator<String> linkRewriter = destination -> {
            String url = links.rewrite(c.path, c.formerPaths, destination);
            if (url != null) {
                linkUrls.put(destination, url);
            }
            return url;
        };
        UnaryOperator<String> images = mediaUrls(c.path, mediaPaths, imageUrls, warnings, "image");
        ShortcodeContext context = shortcodes.context(c.input.frontMatter(), refs::slug, images, warning -> {
            if (!warnings.contains(warning)) {
                warnings.add(warning);
            }
        });
        RenderedMarkdown rendered = renderer.render(c.input.markdown(), context, linkRewriter);
        // the feature image's path is resolved as the Markdown's images are; PostImportService reads it from imageUrls
        FeatureImage.of(c.input.frontMatter(), mediaUrls(c.path, mediaPaths, imageUrls, warnings, "feature image"));
        return new PostImportService.Item(c.slug, c.input, c.path, imageUrls, rendered,
                PostImportService.importHash(c.slug, c.input, c.path, imageUrls, linkUrls, c.formerPaths), c.fileHash,
                warnings, c.formerPaths);
    }

    /**
     * Points an image destination written in the file at {@code from} at the medium of this import it names
     * (recording it in {@code imageUrls}); null, with a warning when it names a file outside the archive or not in
     * it, for a URL or a path of no medium. {@code what}: {@code image}, or {@code feature image} (of which a
     * relative path that leads nowhere is not used, while a root-relative one stays as written).
     */
    private static UnaryOperator<String> mediaUrls(String from, SitePaths mediaPaths, Map<String, String> imageUrls,
                                                   List<String> warnings, String what) {
        return destination -> {
            java.util.Optional<String> target = siteRooted(destination, mediaPaths).or(() -> ImportPaths.resolve(from, destination));
            if (target.isEmpty()) {
                return null;
            }
            String otherwise = what.equals("image") || destination.startsWith("/") ? "left as written" : "not used";
            if (target.get().equals(ImportPaths.OUTSIDE)) {
                warnings.add(what + " '" + destination + "' points outside the archive: " + otherwise);
                return null;
            }
            if (!mediaPaths.contains(target.get())) {
                warnings.add(what + " '" + destination + "' is not in the archive: " + otherwise);
                return null;
            }
            String url = MediaService.url(target.get());
            imageUrls.put(destination, url);
            return url;
        };
    }

    /** {@code /images/x.png}: a file at the root of the site, or in Hugo's {@code static/} folder. */
    private static java.util.Optional<String> siteRooted(String destination, SitePaths mediaPaths) {
        if (destination == null || !destination.startsWith("/") || destination.startsWith("//")) {
            return java.util.Optional.empty();
        }
        java.util.Optional<String> atRoot = ImportPaths.resolve("", destination.substring(1));
        if (atRoot.isEmpty() || atRoot.get().equals(ImportPaths.OUTSIDE)) {
            return atRoot;
        }
        return mediaPaths.servedAt(atRoot.get()).or(() -> atRoot);
    }

    private static PostInput withFolderCategory(String path, PostInput input) {
        String folder = ImportPaths.folder(path);
        if (ImportPaths.fileName(path).toLowerCase().startsWith("index.")) {
            folder = ImportPaths.folder(folder);
        }
        String name = ImportPaths.fileName(folder);
        if (folder.isEmpty() || NOT_CATEGORIES.contains(name)) {
            return input;
        }
        List<String> categories = new ArrayList<>(input.categories() == null ? List.of() : input.categories());
        categories.add(name);
        return new PostInput(input.title(), input.slug(), input.summary(), input.markdown(), input.status(),
                input.publishedAt(), categories, input.tags(), input.frontMatter(), input.expiresAt(), input.type(),
                input.authors());
    }

    private static String utf8(byte[] data) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data)).toString();
        } catch (CharacterCodingException e) {
            throw new FileRefusedException("file", null, "is not UTF-8 text");
        }
    }

    private static ImportReport.FileReport done(Candidate c, PostImportService.Item item, PostImportService.Result result) {
        ImportReport.FileReport report;
        if (result.outcome() == PostImportService.Outcome.FAILED || result.outcome() == PostImportService.Outcome.CONFLICT) {
            report = report(c.path, kind(item), status(result.outcome().name()), c.slug, "slug", null, result.reason(),
                    item.warnings());
        } else {
            report = report(c.path, kind(item), status(result.outcome().name()), c.slug, null, null, null, item.warnings());
        }
        return report.wanting(c.wantedSlug);
    }

    private static ImportReport.Kind kind(PostImportService.Item item) {
        return "page".equals(Kinds.of(item.input().frontMatter(), item.sourcePath())) ? ImportReport.Kind.page : ImportReport.Kind.post;
    }

    private static ImportReport.Status status(String outcome) {
        return ImportReport.Status.valueOf(outcome.toLowerCase());
    }

    private static ImportReport.FileReport report(String path, ImportReport.Status status, String slug, String field,
                                                  Integer line, String reason, List<String> warnings) {
        return report(path, ImportReport.Kind.post, status, slug, field, line, reason, warnings);
    }

    private static ImportReport.FileReport report(String path, ImportReport.Kind kind, ImportReport.Status status,
                                                  String slug, String field, Integer line, String reason,
                                                  List<String> warnings) {
        return new ImportReport.FileReport(path, kind, status, slug, field, line, reason, List.copyOf(warnings));
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static final class Candidate {
        final String path;
        final String fileHash;
        final List<String> warnings = new ArrayList<>();
        String slug;
        /** The slug the file asked for, when another file of the import holds it and this one got a suffix. */
        String wantedSlug;
        PostInput input;
        String frontMatterSlug;
        List<String> formerPaths = List.of();
        boolean knownUnchanged;
        /** Known unchanged, and a page. */
        boolean page;
        ImportReport.FileReport failure;

        Candidate(String path, String fileHash) {
            this.path = path;
            this.fileHash = fileHash;
        }

        static Candidate unchanged(String path, String fileHash, PostImportService.UnchangedFile file) {
            Candidate c = new Candidate(path, fileHash);
            c.slug = file.slug();
            c.warnings.addAll(file.warnings());
            c.knownUnchanged = true;
            c.page = file.page();
            return c;
        }
    }
}
