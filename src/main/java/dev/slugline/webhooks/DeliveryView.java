package dev.slugline.webhooks;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;

@Schema(name = "WebhookDelivery", description = "One event sent (or being sent) to one webhook")
public record DeliveryView(long id, long eventId, @Schema(example = "post.published") String event,
                           @Schema(example = "DELIVERED") String state, int attempts, Integer lastStatus,
                           String lastError, OffsetDateTime nextAttemptAt, OffsetDateTime deliveredAt,
                           OffsetDateTime createdAt) {

    static DeliveryView from(WebhookDelivery d) {
        return new DeliveryView(d.id, d.event.id, d.event.type, d.state, d.attempts, d.lastStatus, d.lastError,
                d.nextAttemptAt, d.deliveredAt, d.createdAt);
    }
}
