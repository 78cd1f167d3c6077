package dev.slugline.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;

/** Who is calling, for the rules services apply (an author's own posts, publishing rights). */
@RequestScoped
public class CurrentEditor {

    private final SecurityIdentity identity;
    private final SecurityConfig config;

    public CurrentEditor(SecurityIdentity identity, SecurityConfig config) {
        this.identity = identity;
        this.config = config;
    }

    public boolean isAnonymous() {
        return identity.isAnonymous();
    }

    /** The user name, or null when anonymous. */
    public String username() {
        return identity.isAnonymous() ? null : identity.getPrincipal().getName();
    }

    public boolean isAdmin() {
        return identity.hasRole(Roles.ADMIN);
    }

    /** May read drafts and scheduled posts: any user, and read-only tokens. */
    public boolean mayReadUnpublished() {
        return identity.hasRole(Roles.ADMIN) || identity.hasRole(Roles.EDITOR) || identity.hasRole(Roles.AUTHOR)
                || identity.hasRole(Roles.READER);
    }

    /** Only an author, or a read-only token of an author's: limited to own posts. */
    public boolean isAuthorOnly() {
        boolean author = identity.hasRole(Roles.AUTHOR)
                || Roles.AUTHOR.equals(identity.getAttribute(TokenIdentityProvider.OWNER_ROLE));
        return author && !identity.hasRole(Roles.EDITOR) && !identity.hasRole(Roles.ADMIN);
    }

    public boolean mayPublish() {
        return !isAuthorOnly() || config.authorsMayPublish();
    }

    public boolean isTokenLogin() {
        return identity.getAttribute(TokenIdentityProvider.TOKEN_ID) != null;
    }
}
