package dev.slugline.security;

/** The roles a user can have, and the scope a read-only token gets instead of its owner's role. */
public final class Roles {

    /** Users, tokens, webhooks, and everything an editor may do. */
    public static final String ADMIN = "admin";
    /** All posts, taxonomy, media and imports. */
    public static final String EDITOR = "editor";
    /** Own posts only; publishing only when {@code slugline.security.authors-may-publish} is true. */
    public static final String AUTHOR = "author";
    /** A read-only API token: may read drafts and scheduled posts, may write nothing. */
    public static final String READER = "reader";

    private Roles() {
    }

    public static boolean isAccountRole(String role) {
        return ADMIN.equals(role) || EDITOR.equals(role) || AUTHOR.equals(role);
    }
}
