package dev.slugline.posts;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Editing rules, under {@code slugline.editing.}. */
@ConfigMapping(prefix = "slugline.editing")
public interface EditingConfig {

    /**
     * Whether PUT, PATCH, DELETE and restores without If-Match, and uploads replacing the file at a media path, are
     * refused with 428 (otherwise they overwrite).
     */
    @WithDefault("true")
    boolean requireIfMatch();

    /** How long a deleted post stays in the trash, restorable, before it is deleted for good. */
    @WithDefault("P30D")
    Duration trashRetention();

    /** How often each instance looks for scheduled posts whose time has come, to announce them. */
    @WithDefault("5s")
    String publishPoll();

    /** How often the trash is emptied of posts past retention. */
    @WithDefault("1h")
    String trashPurgeInterval();

    /** Lifetime of a preview link when the editor does not give one. */
    @WithDefault("PT24H")
    Duration previewLifetime();

    /** The longest lifetime a preview link may have. */
    @WithDefault("P30D")
    Duration maxPreviewLifetime();
}
