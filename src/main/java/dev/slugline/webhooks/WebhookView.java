package dev.slugline.webhooks;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;

@Schema(name = "Webhook", description = "A webhook; its secret only in the response that created it")
public record WebhookView(long id, String url, List<String> events, boolean active, OffsetDateTime createdAt,
                          @Schema(description = "Only when just created") String secret) {

    static WebhookView from(Webhook hook, boolean withSecret) {
        return new WebhookView(hook.id, hook.url, hook.eventList(), hook.active, hook.createdAt,
                withSecret ? hook.secret : null);
    }
}
