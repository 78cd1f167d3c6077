package dev.slugline.posts;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Runs on every instance. A scheduled post is public from its moment on, and an expired one hidden, by the query
 * rule alone; this only writes their post.published and post.unpublished events (claimed with SKIP LOCKED, so
 * once) and empties the trash of what is past retention.
 */
@ApplicationScoped
public class ScheduledPublisher {

    private final PostService posts;

    public ScheduledPublisher(PostService posts) {
        this.posts = posts;
    }

    // Both jobs first run one poll interval after start, so that they do not compete with the start itself
    @Scheduled(every = "${slugline.editing.publish-poll:5s}", delayed = "${slugline.editing.publish-poll:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void announce() {
        try {
            int announced = posts.announceDuePublications();
            if (announced > 0) {
                Log.debugf("Announced %d scheduled post(s)", announced);
            }
        } catch (RuntimeException e) {
            Log.warnf(e, "Announcing scheduled posts failed; retried on the next tick");
        }
    }

    @Scheduled(every = "${slugline.editing.trash-purge-interval:1h}", delayed = "${slugline.editing.publish-poll:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeTrash() {
        long purged = posts.purgeTrash();
        if (purged > 0) {
            Log.infof("Purged %d post(s) from the trash", purged);
        }
    }
}
