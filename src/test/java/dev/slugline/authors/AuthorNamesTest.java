package dev.slugline.authors;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Bylines as real blogs write them (kubernetes/contributor-site, carvel, carpentries.org, Jekyll themes). */
class AuthorNamesTest {

    private static List<String> names(Map<String, Object> frontMatter) {
        return AuthorNames.fromFrontMatter(frontMatter);
    }

    @Test
    void bylinesAreTakenApart() {
        assertThat(names(Map.of("author", "Joe Kimmel, Praveen Rewar, and Carvel Engineers")))
                .containsExactly("Joe Kimmel", "Praveen Rewar", "Carvel Engineers");
        assertThat(names(Map.of("author", "Soumya Ghosh Dastidar and Renu Yarday")))
                .containsExactly("Soumya Ghosh Dastidar", "Renu Yarday");
        assertThat(names(Map.of("author", "Ada & Grace; Linus"))).containsExactly("Ada", "Grace", "Linus");
        assertThat(names(Map.of("author", "Jane Doe (VMware, Inc.),\n  John Roe (Red Hat)\n")))
                .containsExactly("Jane Doe (VMware, Inc.)", "John Roe (Red Hat)");
        assertThat(names(Map.of("author", "Alexander Anderson"))).containsExactly("Alexander Anderson");
    }

    @Test
    void markdownLinksAreTheirText() {
        assertThat(names(Map.of("author", "[Debabrata Panigrahi](https://twitter.com/debaelopedev), [Ada](https://ada.example)")))
                .containsExactly("Debabrata Panigrahi", "Ada");
    }

    @Test
    void keysInAnyCaseListsAndMappings() {
        assertThat(names(Map.of("Author", "Erik L. Arneson"))).containsExactly("Erik L. Arneson");
        assertThat(names(Map.of("authors", List.of("A", Map.of("name", "B", "twitter", "b")), "author", "C")))
                .containsExactly("A", "B");
        assertThat(names(Map.of("author", Map.of("name", "Parker Moore")))).containsExactly("Parker Moore");
        assertThat(names(Map.of("title", "No byline"))).isEmpty();
        assertThat(AuthorNames.isAuthorKey("AUTHORS")).isTrue();
        assertThat(AuthorNames.isAuthorKey("authored")).isFalse();
    }
}
