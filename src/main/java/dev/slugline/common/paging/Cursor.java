package dev.slugline.common.paging;

import dev.slugline.common.errors.InvalidInputException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * An opaque keyset cursor: the sort keys of the last item a client saw, as URL-safe Base64. Decoding a string
 * that was not made by {@link #encode} is a 400 naming the {@code cursor} parameter.
 */
public final class Cursor {

    private static final String VERSION = "c1";
    private static final char SEPARATOR = '\u001f';

    private Cursor() {
    }

    public static String encode(List<String> parts) {
        String joined = VERSION + SEPARATOR + String.join(String.valueOf(SEPARATOR), parts);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(joined.getBytes(StandardCharsets.UTF_8));
    }

    /** The parts of a cursor, exactly {@code expected} of them. */
    public static List<String> decode(String cursor, int expected) {
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        List<String> parts = new ArrayList<>(List.of(text.split(String.valueOf(SEPARATOR), -1)));
        if (parts.size() != expected + 1 || !parts.remove(0).equals(VERSION)) {
            throw invalid();
        }
        return parts;
    }

    public static InvalidInputException invalid() {
        return new InvalidInputException("cursor", "is not a cursor returned by this API; start again without it");
    }
}
