package dev.slugline.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Turns an API token into the identity of its owner: the owner's role, or only {@code reader} for a read-only token. */
@ApplicationScoped
public class TokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    public static final String TOKEN_ID = "slugline.token-id";
    /** The role of the token's owner: a read-only token has the reader role only, but sees no more than its owner. */
    public static final String OWNER_ROLE = "slugline.token-owner-role";

    private final AccountService accounts;

    public TokenIdentityProvider(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            AccountService.TokenOwner owner = accounts.tokenOwner(request.token())
                    .orElseThrow(() -> new AuthenticationFailedException("Unknown, expired or revoked token"));
            return QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(owner.username()))
                    .addRole(owner.readOnly() ? Roles.READER : owner.role())
                    .addAttribute(TOKEN_ID, owner.tokenId())
                    .addAttribute(OWNER_ROLE, owner.role())
                    .build();
        });
    }
}
