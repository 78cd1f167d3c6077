package dev.slugline.posts;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Where posts were and are: the paths imported posts had on their old site ({@code post_former_path}, written by
 * {@link PostImportService}), former slugs, and the public post behind each. Only public posts are ever named.
 */
@ApplicationScoped
public class PostPaths {

    private final PostRepository posts;

    public PostPaths(PostRepository posts) {
        this.posts = posts;
    }

    /** The slug of the public post that was served at {@code path} (normalised by {@link FormerPaths}). */
    public Optional<String> publicSlugAtFormerPath(String path) {
        return posts.currentSlugOfFormerPath(path);
    }

    /** The slug of the public post that has or had {@code slug} (a rename, a Hugo alias). */
    public Optional<String> publicSlugOf(String slug) {
        return posts.findPublishedBySlug(slug).map(post -> post.slug).or(() -> posts.currentSlugOfAlias(slug));
    }

    /** The public post with this slug, as a list shows it. */
    public Optional<PostSummary> publicSummary(String slug) {
        return posts.findPublishedBySlug(slug).map(PostSummary::from);
    }

    /** The former paths of the posts (any status, not in the trash) with these slugs: path to slug. */
    public Map<String, String> formerPathsOf(Collection<String> slugs) {
        return posts.formerPathsOf(slugs);
    }
}
