package dev.slugline.posts;

import dev.slugline.common.errors.NoSuchItemException;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Standalone pages (About, Contact): posts whose front matter makes them pages (V141). They are written, revised
 * and trashed through {@code /api/posts} like any post, and read here.
 */
@ApplicationScoped
public class Pages {

    private final PostRepository posts;

    public Pages(PostRepository posts) {
        this.posts = posts;
    }

    /** A public page with its HTML and terms. */
    public PostView read(String slug) {
        PostRepository.WithBodies found = posts.findPublicPageWithBodiesBySlug(slug)
                .orElseThrow(() -> new NoSuchItemException("No page with slug '" + slug + "'"));
        return PostView.from(found.post(), found.markdown(), found.html(), posts.termsOf(found.post().id));
    }
}
