package dev.slugline.redirects;

import dev.slugline.posts.PostSummary;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Redirect", description = "The public post an old path or URL leads to, and where it is read now")
public record RedirectView(
        @Schema(description = "The path asked for, normalised (no host, query or trailing slash; lower case)",
                example = "/2020/02/10/announcing-linkerd-2.7") String from,
        @Schema(description = "The post's slug now", example = "announcing-linkerd-2.7") String slug,
        @Schema(description = "Where the post is read on the public site now (slugline.site.post-path)",
                example = "/posts/announcing-linkerd-2.7") String path,
        @Schema(description = "The post's JSON", example = "/api/posts/announcing-linkerd-2.7") String api,
        PostSummary post) {
}
