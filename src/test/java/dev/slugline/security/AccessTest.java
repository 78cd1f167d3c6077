package dev.slugline.security;

import dev.slugline.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static dev.slugline.testing.Fixtures.as;
import static dev.slugline.testing.Fixtures.editor;
import static dev.slugline.testing.Fixtures.post;
import static dev.slugline.testing.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class AccessTest {

    static final String PASSWORD = "a-long-Secret-phrase-42";

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    /** Creates a user with the role through the API, as the first admin; returns the name. */
    static String user(String role) {
        String name = unique(role);
        editor().contentType(ContentType.JSON)
                .body(Map.of("username", name, "password", PASSWORD, "role", role))
                .when().post("/api/users")
                .then().statusCode(201).contentType(ContentType.JSON)
                .header("Location", containsString("/api/users/" + name))
                .body("username", is(name), "role", is(role), "$", not(hasKey("password")));
        return name;
    }

    @Test
    void anonymousWritesAre401ProblemsWithAChallenge() {
        given().contentType(ContentType.JSON).body(post("x", "y")).when().post("/api/posts")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Basic"))
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("status", is(401), "title", is("Unauthorized"));
        given().header("If-Match", "*").when().delete("/api/posts/{slug}", "anything")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSame401() {
        String name = user("editor");
        String wrong = as(name, "not-the-password-at-all").contentType(ContentType.JSON).body(post("x", "y"))
                .when().post("/api/posts").then().statusCode(401).contentType("application/problem+json")
                .extract().asString();
        String unknown = as(unique("nobody"), "not-the-password-at-all").contentType(ContentType.JSON).body(post("x", "y"))
                .when().post("/api/posts").then().statusCode(401).contentType("application/problem+json")
                .extract().asString();
        assertThat(wrong).isEqualTo(unknown);
    }

    @Test
    void publicReadsNeedNoCredentials() {
        String slug = Fixtures.createPublished(unique("public"), "2024-01-01T00:00:00Z", List.of(), List.of());
        given().when().get("/api/posts/{slug}", slug).then().statusCode(200).body("slug", is(slug));
        given().when().get("/api/posts").then().statusCode(200);
        given().when().get("/api/tags").then().statusCode(200);
    }

    @Test
    void editorWritesButCannotManageUsersOrWebhooks() {
        String editor = user("editor");
        Map<String, Object> body = post(unique("By editor"), "text");
        as(editor, PASSWORD).contentType(ContentType.JSON).body(body).when().post("/api/posts")
                .then().statusCode(201).body("createdBy", is(editor));
        as(editor, PASSWORD).when().get("/api/users")
                .then().statusCode(403).contentType("application/problem+json").body("status", is(403));
        as(editor, PASSWORD).when().get("/api/webhooks").then().statusCode(403).contentType("application/problem+json");
        editor().when().get("/api/users").then().statusCode(200).body("username", hasItem(editor));
    }

    @Test
    void authorWritesOwnDraftsOnly() {
        String author = user("author");
        String editor = user("editor");
        Map<String, Object> published = post(unique("Author publishes"), "text");
        as(author, PASSWORD).contentType(ContentType.JSON).body(published).when().post("/api/posts")
                .then().statusCode(403).contentType("application/problem+json");

        Map<String, Object> draft = post(unique("Author draft"), "text");
        draft.put("status", "draft");
        String own = as(author, PASSWORD).contentType(ContentType.JSON).body(draft).when().post("/api/posts")
                .then().statusCode(201).body("status", is("draft"), "createdBy", is(author)).extract().path("slug");
        Map<String, Object> edit = post("Edited by its author", "more");
        edit.put("status", "draft");
        as(author, PASSWORD).contentType(ContentType.JSON).header("If-Match", "*").body(edit)
                .when().put("/api/posts/{slug}", own).then().statusCode(200).body("title", is("Edited by its author"));

        Map<String, Object> other = post(unique("Editor draft"), "text");
        other.put("status", "draft");
        String theirs = as(editor, PASSWORD).contentType(ContentType.JSON).body(other).when().post("/api/posts")
                .then().statusCode(201).extract().path("slug");
        as(author, PASSWORD).contentType(ContentType.JSON).header("If-Match", "*").body(edit)
                .when().put("/api/posts/{slug}", theirs).then().statusCode(403).contentType("application/problem+json");
        as(author, PASSWORD).header("If-Match", "*").when().delete("/api/posts/{slug}", theirs).then().statusCode(403);
        editor().when().get("/api/posts/{slug}", theirs).then().statusCode(200).body("title", is(other.get("title")));

        // an author reads the drafts and revisions of its own posts only
        as(author, PASSWORD).when().get("/api/posts/{slug}", own).then().statusCode(200).body("status", is("draft"));
        as(author, PASSWORD).when().get("/api/posts/{slug}/revisions", own).then().statusCode(200);
        as(author, PASSWORD).when().get("/api/posts/{slug}", theirs).then().statusCode(404)
                .contentType("application/problem+json");
        as(author, PASSWORD).when().get("/api/posts/{slug}/revisions", theirs).then().statusCode(404);
        as(author, PASSWORD).when().get("/api/posts/{slug}/revisions/1", theirs).then().statusCode(404);
    }

    @Test
    void invalidUsersAre400WithTheField() {
        editor().contentType(ContentType.JSON).body(Map.of("username", unique("weak"), "password", "short", "role", "editor"))
                .when().post("/api/users").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("password"));
        editor().contentType(ContentType.JSON).body(Map.of("username", unique("bad"), "password", PASSWORD, "role", "god"))
                .when().post("/api/users").then().statusCode(400).body("violations.field", hasItem("role"));
        String name = user("author");
        editor().contentType(ContentType.JSON).body(Map.of("username", name, "password", PASSWORD, "role", "author"))
                .when().post("/api/users").then().statusCode(409).body("violations.field", hasItem("username"));
    }

    @Test
    void tokensAreShownOnceUsedAndRevoked() {
        String editor = user("editor");
        var created = as(editor, PASSWORD).contentType(ContentType.JSON).body(Map.of("name", "site build"))
                .when().post("/api/tokens")
                .then().statusCode(201).contentType(ContentType.JSON)
                .body("token", startsWith("slg_"), "readOnly", is(false), "id", notNullValue())
                .extract();
        String token = created.path("token");
        int id = created.path("id");

        given().auth().oauth2(token).contentType(ContentType.JSON).body(post(unique("Via token"), "x"))
                .when().post("/api/posts").then().statusCode(201).body("createdBy", is(editor));

        as(editor, PASSWORD).when().get("/api/tokens").then().statusCode(200)
                .body("name", hasItem("site build"), "token", everyItem(nullValue()));

        as(editor, PASSWORD).when().delete("/api/tokens/{id}", id).then().statusCode(204);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(post(unique("Revoked"), "x"))
                .when().post("/api/posts").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2("slg_not-a-real-token").when().get("/api/posts?status=draft")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void anAuthorsReadOnlyTokenSeesNoMoreThanItsAuthor() {
        String author = user("author");
        String editor = user("editor");
        Map<String, Object> draft = post(unique("Own draft"), "x");
        draft.put("status", "draft");
        String own = as(author, PASSWORD).contentType(ContentType.JSON).body(draft).when().post("/api/posts")
                .then().statusCode(201).extract().path("slug");
        Map<String, Object> other = post(unique("Editor's draft"), "x");
        other.put("status", "draft");
        String theirs = as(editor, PASSWORD).contentType(ContentType.JSON).body(other).when().post("/api/posts")
                .then().statusCode(201).extract().path("slug");
        String token = as(author, PASSWORD).contentType(ContentType.JSON).body(Map.of("name", "author build", "readOnly", true))
                .when().post("/api/tokens").then().statusCode(201).extract().path("token");

        given().auth().oauth2(token).when().get("/api/posts/{slug}", own).then().statusCode(200).body("status", is("draft"));
        given().auth().oauth2(token).when().get("/api/posts/{slug}", theirs).then().statusCode(404);
        given().auth().oauth2(token).when().get("/api/posts/{slug}/revisions", theirs).then().statusCode(404);
        given().auth().oauth2(token).when().get("/api/posts/{slug}/revisions/1", theirs).then().statusCode(404);
        java.util.List<String> listed = given().auth().oauth2(token).queryParam("status", "draft").queryParam("size", 100)
                .when().get("/api/posts").then().statusCode(200).extract().path("items.slug");
        assertThat(listed).contains(own).doesNotContain(theirs);
    }

    @Test
    void anAuthorCannotTakeAnotherPostsRedirect() {
        String author = user("author");
        String old = unique("old-editor");
        Map<String, Object> editorsPost = post(unique("Editor's renamed post"), "x");
        editorsPost.put("frontMatter", Map.of("aliases", java.util.List.of("/posts/" + old + "/")));
        String target = editor().contentType(ContentType.JSON).body(editorsPost).when().post("/api/posts")
                .then().statusCode(201).extract().path("slug");

        Map<String, Object> taking = post(unique("Author takes it"), "x");
        taking.put("status", "draft");
        taking.put("slug", unique("taker"));
        taking.put("frontMatter", Map.of("aliases", java.util.List.of("/posts/" + old + "/")));
        as(author, PASSWORD).contentType(ContentType.JSON).body(taking).when().post("/api/posts")
                .then().statusCode(409).contentType("application/problem+json")
                .body("violations[0].field", is("frontMatter.aliases"));
        editor().when().get("/api/posts/{slug}", taking.get("slug")).then().statusCode(404);

        Map<String, Object> own = post(unique("Author's own"), "x");
        own.put("status", "draft");
        own.put("frontMatter", Map.of("aliases", java.util.List.of("/posts/" + unique("author-old") + "/")));
        String mine = as(author, PASSWORD).contentType(ContentType.JSON).body(own).when().post("/api/posts")
                .then().statusCode(201).extract().path("slug");
        as(author, PASSWORD).contentType("application/merge-patch+json").header("If-Match", "*")
                .body(Map.of("frontMatter", Map.of("aliases", java.util.List.of("/posts/" + old + "/"))))
                .when().patch("/api/posts/{slug}", mine).then().statusCode(409);
        given().redirects().follow(false).when().get("/api/posts/{slug}", old)
                .then().statusCode(301).header("Location", org.hamcrest.Matchers.endsWith("/api/posts/" + target));
    }

    @Test
    void anAliasMayNotNameAnotherPostsSlug() {
        String a = user("author");
        String b = user("author");
        String mine = draftOf(a, unique("A's post"));
        String bLive = draftOf(b, unique("B's live post"));
        String bTrashed = draftOf(b, unique("B's trashed post"));
        as(b, PASSWORD).header("If-Match", "*").when().delete("/api/posts/{slug}", bTrashed).then().statusCode(204);
        Map<String, Object> published = post(unique("Editor's published post"), "x");
        String editorsLive = editor().contentType(ContentType.JSON).body(published).when().post("/api/posts")
                .then().statusCode(201).extract().path("slug");
        String etag = as(a, PASSWORD).when().get("/api/posts/{slug}", mine).then().statusCode(200).extract().header("ETag");

        for (String taken : List.of(bLive, bTrashed, editorsLive)) {
            as(a, PASSWORD).contentType("application/merge-patch+json").header("If-Match", "*")
                    .body(Map.of("frontMatter", Map.of("aliases", List.of("/posts/" + taken))))
                    .when().patch("/api/posts/{slug}", mine)
                    .then().statusCode(409).contentType("application/problem+json")
                    .body("status", is(409), "violations[0].field", is("frontMatter.aliases"),
                            "detail", containsString(taken));
        }
        // an editor may not either: the slug belongs to its post
        editor().contentType("application/merge-patch+json").header("If-Match", "*")
                .body(Map.of("frontMatter", Map.of("aliases", List.of("/posts/" + bLive + "/"))))
                .when().patch("/api/posts/{slug}", mine)
                .then().statusCode(409).contentType("application/problem+json");

        // nothing written: A's post is as it was, B renames B's post freely and nothing redirects to A's
        as(a, PASSWORD).when().get("/api/posts/{slug}", mine).then().statusCode(200)
                .header("ETag", is(etag)).body("frontMatter", not(hasKey("aliases")));
        String renamed = unique("b-renamed");
        as(b, PASSWORD).contentType("application/merge-patch+json").header("If-Match", "*")
                .body(Map.of("slug", renamed)).when().patch("/api/posts/{slug}", bLive)
                .then().statusCode(200).body("slug", is(renamed));
        given().redirects().follow(false).when().get("/api/posts/{slug}", editorsLive).then().statusCode(200)
                .body("slug", is(editorsLive));

        // a new post may not claim one either
        Map<String, Object> claiming = post(unique("A claims"), "x");
        claiming.put("status", "draft");
        claiming.put("slug", unique("claimer"));
        claiming.put("frontMatter", Map.of("aliases", List.of("/posts/" + editorsLive + "/")));
        as(a, PASSWORD).contentType(ContentType.JSON).body(claiming).when().post("/api/posts")
                .then().statusCode(409).contentType("application/problem+json")
                .body("violations[0].field", is("frontMatter.aliases"));
        editor().when().get("/api/posts/{slug}", claiming.get("slug")).then().statusCode(404);
    }

    private static String draftOf(String author, String title) {
        Map<String, Object> draft = post(title, "x");
        draft.put("status", "draft");
        return as(author, PASSWORD).contentType(ContentType.JSON).body(draft).when().post("/api/posts")
                .then().statusCode(201).extract().path("slug");
    }

    @Test
    void anAuthorsTrashHoldsItsOwnPostsOnly() {
        String author = user("author");
        String editor = user("editor");
        Map<String, Object> draft = post(unique("Author's trashed"), "x");
        draft.put("status", "draft");
        String own = as(author, PASSWORD).contentType(ContentType.JSON).body(draft).when().post("/api/posts")
                .then().statusCode(201).extract().path("slug");
        Map<String, Object> other = post(unique("Editor's trashed"), "x");
        other.put("status", "draft");
        String theirs = as(editor, PASSWORD).contentType(ContentType.JSON).body(other).when().post("/api/posts")
                .then().statusCode(201).extract().path("slug");
        as(author, PASSWORD).header("If-Match", "*").when().delete("/api/posts/{slug}", own).then().statusCode(204);
        as(editor, PASSWORD).header("If-Match", "*").when().delete("/api/posts/{slug}", theirs).then().statusCode(204);

        java.util.List<String> authorSees = as(author, PASSWORD).queryParam("size", 100).when().get("/api/trash")
                .then().statusCode(200).extract().path("items.slug");
        assertThat(authorSees).contains(own).doesNotContain(theirs);
        java.util.List<String> editorSees = as(editor, PASSWORD).queryParam("size", 100).when().get("/api/trash")
                .then().statusCode(200).extract().path("items.slug");
        assertThat(editorSees).contains(own, theirs);
    }

    @Test
    void authorsAddFilesButDoNotReplaceThem() {
        String author = user("author");
        String path = "images/" + unique("shared") + "/cover.png";
        byte[] original = dev.slugline.testing.Archives.uniquePng();
        editor().contentType("image/png").body(original).queryParam("path", path).when().post("/api/media")
                .then().statusCode(201);
        as(author, PASSWORD).contentType("image/png").body(dev.slugline.testing.Archives.uniquePng()).queryParam("path", path)
                .header("If-Match", "*").when().post("/api/media")
                .then().statusCode(403).contentType("application/problem+json");
        assertThat(given().when().get("/api/media/" + path).then().statusCode(200).extract().asByteArray()).isEqualTo(original);
        as(author, PASSWORD).contentType("image/png").body(original).queryParam("path", path).when().post("/api/media")
                .then().statusCode(200);
        as(author, PASSWORD).contentType("image/png").body(dev.slugline.testing.Archives.uniquePng())
                .queryParam("path", path.replace("cover", "own")).when().post("/api/media").then().statusCode(201);
    }

    @Test
    void readOnlyTokenReadsDraftsButWritesNothing() {
        String editor = user("editor");
        Map<String, Object> draft = post(unique("Draft for a build"), "x");
        draft.put("status", "draft");
        String slug = as(editor, PASSWORD).contentType(ContentType.JSON).body(draft).when().post("/api/posts")
                .then().statusCode(201).extract().path("slug");
        String token = as(editor, PASSWORD).contentType(ContentType.JSON)
                .body(Map.of("name", "preview build", "readOnly", true))
                .when().post("/api/tokens").then().statusCode(201).body("readOnly", is(true)).extract().path("token");

        given().auth().oauth2(token).when().get("/api/posts/{slug}", slug).then().statusCode(200).body("status", is("draft"));
        given().auth().oauth2(token).when().get("/api/posts?status=draft&size=100").then().statusCode(200);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(post(unique("No"), "x"))
                .when().post("/api/posts").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("name", "more"))
                .when().post("/api/tokens").then().statusCode(403);
    }

    @Test
    void expiredTokensStopWorking() throws InterruptedException {
        String editor = user("editor");
        String token = as(editor, PASSWORD).contentType(ContentType.JSON)
                .body(Map.of("name", "short-lived", "expiresAt", OffsetDateTime.now().plusSeconds(2).toString()))
                .when().post("/api/tokens").then().statusCode(201).extract().path("token");
        given().auth().oauth2(token).when().get("/api/posts?status=draft").then().statusCode(200);
        Thread.sleep(2500);
        given().auth().oauth2(token).when().get("/api/posts?status=draft").then().statusCode(401);
        as(editor, PASSWORD).contentType(ContentType.JSON)
                .body(Map.of("name", "past", "expiresAt", "2020-01-01T00:00:00Z"))
                .when().post("/api/tokens").then().statusCode(400).body("violations.field", hasItem("expiresAt"));
    }

    @Test
    void failedLoginsAreLimitedPerUserEvenWithTheRightPasswordLater() {
        String name = user("editor");
        for (int i = 0; i < 5; i++) {
            as(name, "wrong-password-" + i).when().get("/api/tokens").then().statusCode(401);
        }
        as(name, PASSWORD).when().get("/api/tokens")
                .then().statusCode(429).contentType("application/problem+json").header("Retry-After", notNullValue());
        // A name that does not exist is limited the same way, so the answer tells nothing about existence
        String ghost = unique("ghost");
        for (int i = 0; i < 5; i++) {
            as(ghost, "wrong-password-" + i).when().get("/api/tokens").then().statusCode(401);
        }
        as(ghost, "wrong-password").when().get("/api/tokens").then().statusCode(429);
        // Others are not affected
        String other = user("editor");
        as(other, PASSWORD).when().get("/api/tokens").then().statusCode(200);
    }

    @Test
    void openApiDeclaresBothSchemesAndLocksSecuredOperations() {
        given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .body("components.securitySchemes.basicAuth.scheme", is("basic"),
                        "components.securitySchemes.bearerAuth.scheme", is("bearer"),
                        "paths.'/api/posts'.post.security", notNullValue(),
                        "paths.'/api/users'.get.security", notNullValue(),
                        "paths.'/api/posts'.get.security", nullValue());
    }
}
