package dev.slugline.posts;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum PostStatus {
    @JsonProperty("draft") DRAFT,
    @JsonProperty("published") PUBLISHED,
    /** Published with a date still in the future: shown as a status, stored as PUBLISHED. */
    @JsonProperty("scheduled") SCHEDULED
}
