package dev.slugline.posts;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slugline.taxonomy.Term;
import dev.slugline.webhooks.WebhookService;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What every change to a post leaves behind, in the same transaction: a revision, and the webhook events. */
@ApplicationScoped
public class PostHistory {

    public static final String PUBLISHED = "post.published";
    public static final String UPDATED = "post.updated";
    public static final String UNPUBLISHED = "post.unpublished";
    public static final String DELETED = "post.deleted";

    private final PostRevisionRepository revisions;
    private final WebhookService webhooks;
    private final ObjectMapper json;

    public PostHistory(PostRevisionRepository revisions, WebhookService webhooks, ObjectMapper json) {
        this.revisions = revisions;
        this.webhooks = webhooks;
        this.json = json;
    }

    /** Stores the post as it is now as its next revision. */
    void revision(Post post, String action, String author) {
        PostRevision revision = new PostRevision();
        revision.postId = post.id;
        revision.number = revisions.nextNumber(post.id);
        revision.action = action;
        revision.author = author;
        revision.createdAt = now();
        revision.content = json.convertValue(toInput(post), new TypeReference<Map<String, Object>>() { });
        revisions.persist(revision);
    }

    /** The events a change makes: published when it became public, updated while public, unpublished when it left. */
    void changed(Post post, boolean wasPublic) {
        boolean isPublic = post.isPublicAt(OffsetDateTime.now());
        // A scheduled post is announced by the scheduler when its time comes. Set before the event query flushes.
        post.publishAnnounced = isPublic;
        String event = changeEvent(wasPublic, isPublic);
        if (event != null) {
            webhooks.enqueue(event, payload(post));
        }
    }

    /** The event of a change: published when it became public, updated while public, unpublished when it left; else none. */
    static String changeEvent(boolean wasPublic, boolean isPublic) {
        if (isPublic) {
            return wasPublic ? UPDATED : PUBLISHED;
        }
        return wasPublic ? UNPUBLISHED : null;
    }

    void deleted(Post post) {
        webhooks.enqueue(DELETED, payload(post));
    }

    /** A scheduled post whose time has come. */
    void announce(Post post) {
        webhooks.enqueue(PUBLISHED, payload(post));
        post.publishAnnounced = true;
    }

    /** A public post whose expiry date has passed: it left public view without anyone acting. */
    void announceExpiry(Post post) {
        webhooks.enqueue(UNPUBLISHED, payload(post));
        post.publishAnnounced = false;
    }

    PostInput revisionContent(PostRevision revision) {
        return json.convertValue(revision.content, PostInput.class);
    }

    static PostInput toInput(Post post) {
        return new PostInput(post.title, post.slug, post.summary, post.markdown, post.status, post.publishedAt,
                names(post.categories), names(post.tags), new LinkedHashMap<>(post.frontMatter), post.expiresAt, null,
                post.authors.stream().map(a -> a.name).toList());
    }

    private static List<String> names(Collection<? extends Term> terms) {
        return terms.stream().map(t -> t.name).sorted(Comparator.naturalOrder()).toList();
    }

    private static Map<String, Object> payload(Post post) {
        return payload(post.id, post.slug, post.title, post.effectiveStatus(OffsetDateTime.now()), post.publishedAt,
                post.version);
    }

    /** The data of a post event (also for imports, which write rows without entities). */
    static Map<String, Object> payload(Long id, String slug, String title, PostStatus effectiveStatus,
                                       OffsetDateTime publishedAt, long version) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("id", id);
        payload.put("slug", slug);
        payload.put("title", title);
        payload.put("status", effectiveStatus.name().toLowerCase());
        payload.put("publishedAt", publishedAt == null ? null : publishedAt.toString());
        payload.put("version", version);
        return payload;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
