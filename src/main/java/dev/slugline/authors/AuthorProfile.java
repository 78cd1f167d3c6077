package dev.slugline.authors;

/** An author's profile as an imported site describes it; null where it says nothing. */
public record AuthorProfile(String name, String bio, String profileImage, String website, String location) {
}
