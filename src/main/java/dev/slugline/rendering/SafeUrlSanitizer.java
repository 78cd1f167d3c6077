package dev.slugline.rendering;

import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.UrlSanitizer;

import java.util.List;

/**
 * Lets through http, https, mailto and relative URLs; anything else ({@code javascript:}, {@code vbscript:},
 * {@code data:}, {@code file:}) becomes an empty attribute, so a link or image in a post cannot run script.
 */
public class SafeUrlSanitizer implements UrlSanitizer {

    private static final List<String> ALLOWED_SCHEMES = List.of("http", "https", "mailto");

    private final UrlSanitizer delegate = new DefaultUrlSanitizer(ALLOWED_SCHEMES);

    @Override
    public String sanitizeLinkUrl(String url) {
        return delegate.sanitizeLinkUrl(url);
    }

    @Override
    public String sanitizeImageUrl(String url) {
        return delegate.sanitizeImageUrl(url);
    }
}
