package dev.slugline.ghost;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Ghost's identifiers for Slugline's records: 24 hexadecimal characters as Ghost's object ids have. A post's is its
 * number in hex, so it can be looked up; a tag's or author's a digest of its slug, the same on every instance.
 */
final class GhostIds {

    private static final Pattern ID = Pattern.compile("[0-9a-f]{24}");

    private GhostIds() {
    }

    static String ofPost(long id) {
        return String.format("%024x", id);
    }

    static String uuidOfPost(long id) {
        return UUID.nameUUIDFromBytes(("slugline-post-" + id).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The post number of a Ghost id; a 400 for anything not shaped like one (a 404 follows for unknown ones). */
    static Long postId(String parameter, String ghostId) {
        if (!ID.matcher(ghostId).matches()) {
            throw GhostException.badRequest(parameter, "needs an id of 24 hexadecimal characters, not '" + ghostId + "'");
        }
        String significant = ghostId.replaceFirst("^0+(?=.)", "");
        return significant.length() > 15 ? -1L : Long.parseLong(significant, 16);
    }

    static String ofTerm(String kind, String slug) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((kind + ":" + slug).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
