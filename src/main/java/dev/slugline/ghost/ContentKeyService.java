package dev.slugline.ghost;

import dev.slugline.common.errors.NoSuchItemException;
import dev.slugline.common.http.ContentVersion;
import io.quarkus.narayana.jta.QuarkusTransaction;
import dev.slugline.security.CurrentEditor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Admins create, list and revoke Content API keys; every Ghost request is checked against them. */
@ApplicationScoped
public class ContentKeyService {

    /** What Ghost's own client accepts as a Content API key. */
    static final Pattern KEY_SHAPE = Pattern.compile("[0-9a-f]{26}");

    private final SecureRandom random = new SecureRandom();
    private final ContentKeyRepository keys;
    private final CurrentEditor editor;
    private final ContentVersion versions;
    /** The active keys as of a content version: creating or revoking one moves the version (V140's trigger). */
    private volatile ActiveKeys active;

    private record ActiveKeys(long version, Set<String> secrets) {
    }

    public ContentKeyService(ContentKeyRepository keys, CurrentEditor editor, ContentVersion versions) {
        this.keys = keys;
        this.editor = editor;
        this.versions = versions;
    }

    @Transactional
    public ContentKeyView create(ContentKeyCreate body) {
        ContentKey key = new ContentKey();
        byte[] bytes = new byte[13];
        random.nextBytes(bytes);
        key.secret = HexFormat.of().formatHex(bytes);
        key.name = body.name().strip();
        key.createdBy = editor.username();
        key.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        keys.persist(key);
        return ContentKeyView.from(key);
    }

    public List<ContentKeyView> list() {
        return keys.listNewestFirst().stream().map(ContentKeyView::from).toList();
    }

    @Transactional
    public void revoke(long id) {
        ContentKey key = keys.findByIdOptional(id)
                .orElseThrow(() -> new NoSuchItemException("No content key " + id));
        if (key.revokedAt == null) {
            key.revokedAt = OffsetDateTime.now(ZoneOffset.UTC);
        }
    }

    /** Refuses a request whose {@code key} is missing, malformed, unknown or revoked, as Ghost does: a 401. */
    public void requireValid(String key) {
        if (key == null || key.isBlank()) {
            throw GhostException.unauthorized("Missing Content API Key");
        }
        if (!KEY_SHAPE.matcher(key).matches() || !activeKeys().contains(key)) {
            throw GhostException.unauthorized("Unknown Content API Key");
        }
    }

    /**
     * The active keys, read again only when the content version moved: a Ghost request then costs no query of its
     * own before the response cache answers, and holds no pooled connection while the cache computes an answer.
     */
    private Set<String> activeKeys() {
        long version = versions.current().version();
        ActiveKeys known = active;
        if (known == null || known.version() != version) {
            known = new ActiveKeys(version, QuarkusTransaction.requiringNew().call(() -> Set.copyOf(keys.activeSecrets())));
            active = known;
        }
        return known.secrets();
    }
}
