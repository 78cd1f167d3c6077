package dev.slugline.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.http.Header;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;

import static dev.slugline.testing.Fixtures.ADMIN;
import static dev.slugline.testing.Fixtures.as;
import static dev.slugline.testing.Fixtures.editor;
import static dev.slugline.testing.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

/**
 * HTTP Basic logins through {@link PasswordIdentityProvider}: a failure reads the same, and costs the same bcrypt
 * check, whether the name exists or not (bench/login-timing.sh measures the time).
 */
@QuarkusTest
class PasswordLoginTest {

    static final String PASSWORD = "a-long-Secret-phrase-42";
    /** bcrypt in modular crypt format, cost 10: {@code $2a$10$} then 22 characters of salt and 31 of hash. */
    static final String BCRYPT_COST_10 = "\\$2a\\$10\\$[./A-Za-z0-9]{53}";

    @Inject
    AccountService accounts;

    @Inject
    ApiUserRepository users;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void aWrongPasswordAndAnUnknownNameGetTheSame401() {
        String name = AccessTest.user("editor");
        Response wrongPassword = as(name, "not-the-password-at-all").when().get("/api/tokens");
        Response unknownName = as(unique("nobody"), "not-the-password-at-all").when().get("/api/tokens");

        assertThat(wrongPassword.statusCode()).isEqualTo(401);
        assertThat(unknownName.statusCode()).isEqualTo(401);
        assertThat(wrongPassword.contentType()).isEqualTo("application/problem+json");
        assertThat(headersOf(unknownName)).isEqualTo(headersOf(wrongPassword))
                .containsEntry("WWW-Authenticate", SluglineAuthMechanism.CHALLENGE);
        assertThat(unknownName.asString()).isEqualTo(wrongPassword.asString());
    }

    @Test
    void unknownNamesAreCheckedAgainstAHashLikeAStoredOne() {
        String name = AccessTest.user("author");
        String stored = QuarkusTransaction.requiringNew().call(() -> users.findByUsername(name).orElseThrow().password);
        String admin = QuarkusTransaction.requiringNew().call(() -> users.findByUsername(ADMIN).orElseThrow().password);

        // the stand-in is a real bcrypt hash of the same algorithm and cost, so checking it is the same work
        assertThat(stored).matches(BCRYPT_COST_10);
        assertThat(admin).matches(BCRYPT_COST_10);
        assertThat(accounts.unknownUserHash()).matches(BCRYPT_COST_10).isNotIn(stored, admin);
        // made once (on the first login, not at the start), then the same for every unknown name
        assertThat(accounts.unknownUserHash()).isSameAs(accounts.unknownUserHash());
        assertThat(accounts.login(unique("nobody"), PASSWORD)).isEmpty();
        assertThat(accounts.login(name, "not-the-password-at-all")).isEmpty();
        assertThat(accounts.login(name, PASSWORD)).contains(new AccountService.Login(name, "author"));
    }

    @Test
    void theRightPasswordLogsInWithTheUsersRole() {
        String name = AccessTest.user("editor");
        as(name, PASSWORD).contentType(ContentType.JSON).body(Map.of("name", "ci"))
                .when().post("/api/tokens").then().statusCode(201);
        as(name, PASSWORD).when().get("/api/users").then().statusCode(403)
                .contentType("application/problem+json").body("status", is(403));
        editor().when().get("/api/users").then().statusCode(200);
    }

    /** Every header but the request id, which is new with each request. */
    private static Map<String, String> headersOf(Response response) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Header header : response.headers()) {
            if (!header.getName().equalsIgnoreCase("X-Request-Id")) {
                headers.merge(header.getName(), header.getValue(), (a, b) -> a + ", " + b);
            }
        }
        return headers;
    }
}
