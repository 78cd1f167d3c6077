package dev.slugline.posts;

/** Narrows a list of posts; a null member does not filter. */
public record PostFilter(String tag, String category) {
}
