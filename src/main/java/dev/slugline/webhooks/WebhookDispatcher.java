package dev.slugline.webhooks;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** Polls the outbox on every instance; SKIP LOCKED makes the instances share the work without doing any twice. */
@ApplicationScoped
public class WebhookDispatcher {

    private final WebhookService webhooks;

    public WebhookDispatcher(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    /** The first round waits one interval, so that it does not compete with the instance's own start. */
    @Scheduled(every = "${slugline.webhooks.poll-interval:2s}", delayed = "${slugline.webhooks.poll-interval:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        try {
            for (int round = 0; round < 10 && webhooks.deliverDue() > 0; round++) {
                // keep going while there is work, a bounded number of rounds per tick
            }
        } catch (RuntimeException e) {
            Log.warnf(e, "Webhook delivery round failed; it is retried on the next tick");
        }
    }
}
