package dev.slugline.importing;

import dev.slugline.authors.AuthorRef;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.slugline.media.MediaService;
import dev.slugline.posts.PostService;
import dev.slugline.posts.PostStatus;
import dev.slugline.posts.PostView;
import dev.slugline.taxonomy.TermRef;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Takes a site back out: a post as a Markdown file with YAML front matter (its fields, then every key it was
 * imported with), and the whole site as a zip of a Hugo content folder with posts where they were imported from
 * and media at their paths. Importing either again yields the same posts.
 */
@ApplicationScoped
public class ExportService {

    private final PostService posts;
    private final MediaService media;
    private final ObjectMapper json;
    private final YAMLMapper yaml = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build();

    public ExportService(PostService posts, MediaService media, ObjectMapper json) {
        this.posts = posts;
        this.media = media;
        this.json = json;
    }

    public String toMarkdown(PostView post) {
        ObjectNode front = yaml.createObjectNode();
        front.put("title", post.title());
        front.put("slug", post.slug());
        if (post.publishedAt() != null) {
            front.put("date", post.publishedAt().toString());
        }
        if (post.status() == PostStatus.DRAFT) {
            front.put("draft", true);
        }
        if (post.expiresAt() != null) {
            front.put("expiryDate", post.expiresAt().toString());
        }
        front.put("summary", post.summary());
        if (!post.categories().isEmpty()) {
            front.set("categories", json.valueToTree(post.categories().stream().map(TermRef::name).toList()));
        }
        if (!post.tags().isEmpty()) {
            front.set("tags", json.valueToTree(post.tags().stream().map(TermRef::name).toList()));
        }
        if (post.authors() != null && !post.authors().isEmpty()) {
            front.set("authors", json.valueToTree(post.authors().stream().map(AuthorRef::name).toList()));
        }
        if (post.frontMatter() != null) {
            post.frontMatter().forEach((key, value) -> {
                if (!front.has(key)) {
                    front.set(key, json.valueToTree(value));
                }
            });
        }
        try {
            return "---\n" + yaml.writeValueAsString(front) + "---\n" + post.markdown();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Front matter of " + post.slug() + " cannot be written", e);
        }
    }

    /** The whole site, posts (any status) and media, as a zip written straight to {@code out}. */
    public void writeZip(OutputStream out) {
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            Set<String> written = new HashSet<>();
            media.forEach(file -> entry(zip, written, file.media().path, file.data()));
            posts.forEachForExport((post, sourcePath) -> {
                String path = sourcePath != null && (ImportPaths.isMarkdown(sourcePath) || ImportPaths.isHtml(sourcePath))
                        && !written.contains(sourcePath)
                        ? sourcePath : "content/posts/" + post.slug() + ".md";
                entry(zip, written, path, toMarkdown(post).getBytes(StandardCharsets.UTF_8));
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void entry(ZipOutputStream zip, Set<String> written, String path, byte[] data) {
        if (!written.add(path)) {
            return;
        }
        try {
            zip.putNextEntry(new ZipEntry(path));
            zip.write(data);
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
