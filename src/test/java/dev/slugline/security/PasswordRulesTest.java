package dev.slugline.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The rule that refuses weak passwords for accounts and, in prod, for the first admin. */
class PasswordRulesTest {

    @Test
    void weakPasswordsAreNamed() {
        assertThat(AccountService.weakness(null, 12)).contains("at least 12");
        assertThat(AccountService.weakness("short", 12)).contains("at least 12");
        assertThat(AccountService.weakness("aaaaaaaaaaaaaaaa", 12)).contains("few different characters");
        assertThat(AccountService.weakness("MyPassword2024!!", 12)).contains("password");
        assertThat(AccountService.weakness("admin-admin-admin", 12)).contains("admin");
    }

    @Test
    void strongPasswordsPass() {
        assertThat(AccountService.weakness("correct horse battery staple", 12)).isNull();
        assertThat(AccountService.weakness("quiet-Harbor-test-42", 12)).isNull();
    }
}
