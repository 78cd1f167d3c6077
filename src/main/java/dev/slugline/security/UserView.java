package dev.slugline.security;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;

@Schema(name = "User", description = "An account, without its password")
public record UserView(@Schema(example = "alice") String username, @Schema(example = "editor") String role,
                       OffsetDateTime createdAt) {

    static UserView from(ApiUser user) {
        return new UserView(user.username, user.role, user.createdAt);
    }
}
