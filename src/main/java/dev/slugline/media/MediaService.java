package dev.slugline.media;

import dev.slugline.common.config.SluglineConfig;
import dev.slugline.common.errors.ConflictException;
import dev.slugline.common.errors.InvalidInputException;
import dev.slugline.common.errors.NoSuchItemException;
import dev.slugline.common.errors.PayloadTooLargeException;
import dev.slugline.common.errors.PreconditionFailedException;
import dev.slugline.common.errors.PreconditionRequiredException;
import dev.slugline.common.errors.UnprocessableContentException;
import dev.slugline.common.errors.UnsupportedTypeException;
import dev.slugline.common.http.EntityTags;
import dev.slugline.importing.ImportPaths;
import dev.slugline.posts.EditingConfig;
import dev.slugline.security.CurrentEditor;
import io.quarkus.security.ForbiddenException;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.tika.Tika;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Files stored in PostgreSQL: content type detected from the bytes (Apache Tika), bytes kept once per SHA-256,
 * addressed by id or by path. Every instance of Slugline sees the same files.
 */
@ApplicationScoped
public class MediaService {

    public static final String URL_PREFIX = "/api/media/";

    private static final Map<String, String> ALIASES = Map.of("image/jpg", "image/jpeg", "image/pjpeg", "image/jpeg",
            "image/x-png", "image/png", "image/svg", "image/svg+xml");
    private static final Map<String, String> EXTENSIONS = Map.of("image/png", ".png", "image/jpeg", ".jpg",
            "image/gif", ".gif", "image/webp", ".webp", "image/svg+xml", ".svg");

    private final MediaRepository media;
    private final SluglineConfig config;
    private final EditingConfig editing;
    private final CurrentEditor editor;
    private final Tika tika = new Tika();

    public MediaService(MediaRepository media, SluglineConfig config, EditingConfig editing, CurrentEditor editor) {
        this.media = media;
        this.config = config;
        this.editing = editing;
        this.editor = editor;
    }

    /** What an upload or import did to one file. */
    public enum Outcome { CREATED, UPDATED, UNCHANGED, CONFLICT, SKIPPED }

    /** What an import did, or would do, to one file; {@code reason} says why it conflicts or was skipped. */
    public record Imported(Outcome outcome, String reason) {
    }

    public record Stored(MediaView media, Outcome outcome) {
    }

    /** The bytes of one file with what is needed to serve them. */
    public record Content(Media media, byte[] data) {
    }

    /** The URL a file is served at: its path, each segment percent-encoded. */
    public static String url(String path) {
        StringBuilder url = new StringBuilder(URL_PREFIX);
        String[] segments = path.split("/");
        for (int i = 0; i < segments.length; i++) {
            url.append(i == 0 ? "" : "/")
                    .append(URLEncoder.encode(segments[i], StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return url.toString();
    }

    /** The conditions of an upload (RFC 9110), as sent: {@code If-Match} and {@code If-None-Match}, or null. */
    public record Preconditions(String ifMatch, String ifNoneMatch) {
    }

    /**
     * Stores an uploaded file. The type must be one of the allowed ones and agree with the bytes; without a
     * path, the same bytes uploaded before are that file again (deduplication). A path that holds other bytes is
     * replaced only with {@code If-Match} naming its current ETag (or *): without it 428, with an older one 412;
     * {@code If-None-Match: *} creates only (412 if the path holds a file). The same bytes again are unchanged.
     */
    @Transactional
    public Stored upload(byte[] data, String claimedType, String fileName, String path, Preconditions conditions) {
        long max = config.media().maxSize().asLongValue();
        if (data == null || data.length == 0) {
            throw new InvalidInputException("body", "the file is empty");
        }
        if (data.length > max) {
            throw new PayloadTooLargeException("body", "the file has " + data.length + " bytes; at most " + max);
        }
        String detected = detect(data, fileName);
        List<String> allowed = config.media().allowedTypes();
        if (!allowed.contains(detected)) {
            throw new UnsupportedTypeException("body", "the bytes are " + detected + "; accepted: " + String.join(", ", allowed));
        }
        String claimed = normalise(claimedType);
        if (claimed != null && !claimed.equals("application/octet-stream") && !claimed.equals(detected)) {
            throw new UnprocessableContentException("Content-Type",
                    "says " + claimed + " but the bytes are " + detected);
        }
        String sha = sha256(data);
        if (path == null || path.isBlank()) {
            if (!isBlank(conditions.ifMatch())) {
                throw new InvalidInputException("If-Match", "names the file at a path: send it with ?path=");
            }
            if (!isBlank(conditions.ifNoneMatch())) {
                throw new InvalidInputException("If-None-Match", "applies to the file at a path: send it with ?path=");
            }
            Optional<Media> same = media.findFirstBySha(sha);
            if (same.isPresent()) {
                return new Stored(MediaView.from(same.get()), Outcome.UNCHANGED);
            }
            String generated = "uploads/" + sha.substring(0, 16) + EXTENSIONS.getOrDefault(detected, "");
            Optional<Media> taken = media.findByPathForUpdate(generated);
            if (taken.isPresent()) { // a client chose this path for other bytes: never replaced by an upload without path
                throw new ConflictException("path", "'" + generated + "' holds another file; upload with a path of your own");
            }
            return store(generated, taken, data, sha, detected, false);
        }
        String cleanPath = ImportPaths.clean(path.strip()).filter(p -> p.length() <= 1000).orElseThrow(() ->
                new InvalidInputException("path", "'" + path + "' is not a relative path without '..', backslash or control character"));
        Optional<Media> current = media.findByPathForUpdate(cleanPath);
        checkPreconditions(cleanPath, current, sha, conditions);
        if (current.isPresent() && !current.get().sha256.equals(sha) && editor.isAuthorOnly()) {
            // a file may be shown in anyone's published posts: replacing it is an editor's call
            throw new ForbiddenException("Authors may add files, not replace the file at '" + cleanPath + "'");
        }
        return store(cleanPath, current, data, sha, detected, false);
    }

    /** RFC 9110 section 13.2.2, for an upload to a path whose current file (if any) is locked. */
    private void checkPreconditions(String path, Optional<Media> current, String sha, Preconditions conditions) {
        String ifNoneMatch = conditions.ifNoneMatch();
        if (!isBlank(ifNoneMatch) && current.isPresent() && EntityTags.matches(ifNoneMatch, etag(current.get().sha256), true)) {
            throw new PreconditionFailedException("If-None-Match", "'" + path + "' already holds a file (ETag "
                    + etag(current.get().sha256) + "); If-None-Match: " + ifNoneMatch.strip() + " only creates");
        }
        String ifMatch = conditions.ifMatch();
        if (current.isEmpty()) {
            if (!isBlank(ifMatch)) {
                throw new PreconditionFailedException("No file at '" + path + "' to match " + ifMatch.strip()
                        + "; send no If-Match to create it");
            }
            return;
        }
        if (current.get().sha256.equals(sha)) {
            return; // the change asked for is already there (RFC 9110 13.1.1): unchanged, whatever If-Match says
        }
        if (isBlank(ifMatch)) {
            if (editing.requireIfMatch()) {
                throw new PreconditionRequiredException("'" + path + "' already holds a file: replacing it needs an"
                        + " If-Match header with its ETag (or *), so that no change is overwritten unseen");
            }
            return;
        }
        if (!EntityTags.matches(ifMatch, etag(current.get().sha256), false)) {
            throw new PreconditionFailedException("The file at '" + path + "' has changed since " + ifMatch.strip()
                    + "; its current ETag is " + etag(current.get().sha256));
        }
    }

    /** The strong ETag a file is served with: its SHA-256, quoted. */
    private static String etag(String sha) {
        return "\"" + sha + "\"";
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** {@code imported}: an import writes the file, and remembers that it did (see V85). */
    private Stored store(String path, Optional<Media> current, byte[] data, String sha, String contentType, boolean imported) {
        if (current.isPresent() && current.get().sha256.equals(sha)) {
            return new Stored(MediaView.from(current.get()), Outcome.UNCHANGED);
        }
        media.storeBlob(sha, data);
        Media file = current.orElseGet(Media::new);
        if (file.id == null) {
            file.path = path;
            file.createdAt = now();
        }
        file.contentType = contentType;
        file.sha256 = sha;
        file.size = data.length;
        file.updatedAt = now();
        if (imported) {
            file.importedSha256 = sha;
        }
        if (file.id == null) {
            media.persist(file);
        }
        media.flush();
        Log.debugf("Stored media %s (%s, %d bytes)", path, contentType, data.length);
        return new Stored(MediaView.from(file), current.isPresent() ? Outcome.UPDATED : Outcome.CREATED);
    }

    /**
     * Stores the files of an import, by path. As for uploads, the type detected from the bytes must be one of
     * {@code slugline.media.allowed-types}; any other file is skipped (never stored), its reason naming the type.
     * Same bytes at the same path are
     * unchanged and not written. A path whose file was replaced through the API since an import wrote it, or that
     * no import wrote, is a conflict and keeps its file, unless {@code overwrite}. With {@code dryRun} nothing is
     * written.
     */
    @Transactional
    public List<Imported> importAll(Map<String, byte[]> filesByPath, boolean dryRun, boolean overwrite) {
        Map<String, Media> existing = new HashMap<>();
        media.findByPaths(filesByPath.keySet()).forEach(m -> existing.put(m.path, m));
        List<Imported> outcomes = new ArrayList<>();
        List<String> allowed = config.media().allowedTypes();
        for (Map.Entry<String, byte[]> file : filesByPath.entrySet()) {
            String type = detect(file.getValue(), ImportPaths.fileName(file.getKey()));
            if (!allowed.contains(type)) {
                outcomes.add(new Imported(Outcome.SKIPPED, "not stored: the bytes are " + type
                        + ", not a media type (accepted: " + String.join(", ", allowed) + ")"));
                continue;
            }
            String sha = sha256(file.getValue());
            Media current = existing.get(file.getKey());
            if (current != null && current.sha256.equals(sha)) {
                if (!dryRun && !sha.equals(current.importedSha256)) {
                    current.importedSha256 = sha; // the import and the API agree: the import may replace it later
                }
                outcomes.add(new Imported(Outcome.UNCHANGED, null));
            } else if (current != null && !current.sha256.equals(current.importedSha256) && !overwrite) {
                outcomes.add(new Imported(Outcome.CONFLICT, "conflict: '" + current.path + "' "
                        + (current.importedSha256 != null ? "was replaced through the API after it was last imported"
                        : "holds a file uploaded through the API, not imported") + " (ETag " + etag(current.sha256)
                        + "); nothing written. Import with onConflict=overwrite to replace it with this file"));
            } else if (dryRun) {
                outcomes.add(new Imported(current == null ? Outcome.CREATED : Outcome.UPDATED, null));
            } else {
                outcomes.add(new Imported(store(file.getKey(), Optional.ofNullable(current), file.getValue(), sha,
                        type, true).outcome(), null));
            }
        }
        return outcomes;
    }

    /** A file by id (digits) or by path. */
    @Transactional
    public Content get(String idOrPath) {
        Optional<Media> found = idOrPath.matches("\\d{1,18}")
                ? media.findByIdOptional(Long.parseLong(idOrPath)).or(() -> media.findByPath(idOrPath))
                : media.findByPath(idOrPath);
        Media file = found.orElseThrow(() -> new NoSuchItemException("No media '" + idOrPath + "'"));
        byte[] data = media.data(file.sha256).orElseThrow(() -> new NoSuchItemException("No media '" + idOrPath + "'"));
        return new Content(file, data);
    }

    /** Every file with its bytes, one at a time (exports), so memory holds one file, not all. */
    @Transactional
    public void forEach(Consumer<Content> consumer) {
        long after = 0;
        while (true) {
            List<Media> page = media.pageById(after, 100);
            if (page.isEmpty()) {
                return;
            }
            for (Media file : page) {
                media.data(file.sha256).ifPresent(data -> consumer.accept(new Content(file, data)));
                after = file.id;
            }
            media.getEntityManager().clear();
        }
    }

    private String detect(byte[] data, String fileName) {
        String detected = normalise(fileName == null ? tika.detect(data) : tika.detect(data, fileName));
        return detected == null ? "application/octet-stream" : detected;
    }

    private static String normalise(String type) {
        if (type == null || type.isBlank()) {
            return null;
        }
        String base = type.split(";")[0].strip().toLowerCase(Locale.ROOT);
        return ALIASES.getOrDefault(base, base);
    }

    public static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
