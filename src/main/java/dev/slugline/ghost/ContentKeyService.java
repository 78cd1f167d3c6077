package dev.slugline.ghost;

import dev.slugline.common.errors.NoSuchItemException;
import dev.slugline.security.CurrentEditor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/** Admins create, list and revoke Content API keys; every Ghost request is checked against them. */
@ApplicationScoped
public class ContentKeyService {

    /** What Ghost's own client accepts as a Content API key. */
    static final Pattern KEY_SHAPE = Pattern.compile("[0-9a-f]{26}");

    private final SecureRandom random = new SecureRandom();
    private final ContentKeyRepository keys;
    private final CurrentEditor editor;

    public ContentKeyService(ContentKeyRepository keys, CurrentEditor editor) {
        this.keys = keys;
        this.editor = editor;
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
        if (!KEY_SHAPE.matcher(key).matches() || !keys.isActive(key)) {
            throw GhostException.unauthorized("Unknown Content API Key");
        }
    }
}
