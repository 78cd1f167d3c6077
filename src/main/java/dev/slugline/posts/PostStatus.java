package dev.slugline.posts;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum PostStatus {
    @JsonProperty("draft") DRAFT,
    @JsonProperty("published") PUBLISHED
}
