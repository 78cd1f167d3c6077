package dev.slugline.webhooks;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "WebhookCreate", description = "A URL to call on events")
public record WebhookCreate(
        @Schema(example = "https://build.example.com/hooks/slugline") @NotBlank @Size(max = 2000) String url,
        @Schema(description = "post.published, post.updated, post.unpublished, post.deleted, import.finished",
                example = "[\"post.published\", \"post.updated\"]")
        @NotEmpty List<@Pattern(regexp = "post\\.published|post\\.updated|post\\.unpublished|post\\.deleted|import\\.finished",
                message = "must be post.published, post.updated, post.unpublished, post.deleted or import.finished") String> events,
        @Schema(description = "The HMAC-SHA256 key; generated when absent (shown once, in this response)")
        @Size(min = 16, max = 200) String secret) {
}
