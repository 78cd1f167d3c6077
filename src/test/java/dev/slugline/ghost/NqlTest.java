package dev.slugline.ghost;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NqlTest {

    @Test
    void andBindsTighterThanOr() {
        Nql.Node node = Nql.parse("tag:a+featured:true,tag:b");
        assertThat(node).isEqualTo(new Nql.Or(List.of(
                new Nql.And(List.of(cmp("tag", Nql.Op.EQ, false, "a"), cmp("featured", Nql.Op.EQ, false, "true"))),
                cmp("tag", Nql.Op.EQ, false, "b"))));
    }

    @Test
    void parenthesesGroup() {
        Nql.Node node = Nql.parse("(tag:a,tag:b)+slug:-c");
        assertThat(node).isEqualTo(new Nql.And(List.of(
                new Nql.Or(List.of(cmp("tag", Nql.Op.EQ, false, "a"), cmp("tag", Nql.Op.EQ, false, "b"))),
                cmp("slug", Nql.Op.EQ, true, "c"))));
    }

    @Test
    void listsOperatorsAndQuotedValues() {
        assertThat(Nql.parse("tags:[kubecon, 'open source']"))
                .isEqualTo(new Nql.Comparison("tags", Nql.Op.IN, false, List.of("kubecon", "open source")));
        assertThat(Nql.parse("tag:-[a,b]")).isEqualTo(new Nql.Comparison("tag", Nql.Op.IN, true, List.of("a", "b")));
        assertThat(Nql.parse("published_at:>'2017-06-03 23:43:12'"))
                .isEqualTo(cmp("published_at", Nql.Op.GT, false, "2017-06-03 23:43:12"));
        assertThat(Nql.parse("published_at:>=2017-06-03")).isEqualTo(cmp("published_at", Nql.Op.GTE, false, "2017-06-03"));
        assertThat(Nql.parse("published_at:<'2024-01-01T00:00:00+02:00'"))
                .isEqualTo(cmp("published_at", Nql.Op.LT, false, "2024-01-01T00:00:00+02:00"));
        assertThat(Nql.parse("published_at:<=2024")).isEqualTo(cmp("published_at", Nql.Op.LTE, false, "2024"));
        assertThat(Nql.parse("title:~'Kube'")).isEqualTo(cmp("title", Nql.Op.CONTAINS, false, "Kube"));
        assertThat(Nql.parse("title:~^'My'")).isEqualTo(cmp("title", Nql.Op.STARTS_WITH, false, "My"));
        assertThat(Nql.parse("title:~$'con'")).isEqualTo(cmp("title", Nql.Op.ENDS_WITH, false, "con"));
        assertThat(Nql.parse("title:'it\\'s'")).isEqualTo(cmp("title", Nql.Op.EQ, false, "it's"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tag", "tag:", ":a", "tag:a+", "tag:a,", "(tag:a", "tag:[a,b", "tag:'open", "tag:a)",
            "tag:a tag:b", "tag:[]", "((((((((((((((((((((((tag:a))))))))))))))))))))))"})
    void malformedFiltersAreBadRequests(String filter) {
        assertThatThrownBy(() -> Nql.parse(filter)).isInstanceOfSatisfying(GhostException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.type()).isEqualTo("BadRequestError");
            assertThat(e.getMessage()).contains("filter");
        });
    }

    private static Nql.Comparison cmp(String key, Nql.Op op, boolean negated, String value) {
        return new Nql.Comparison(key, op, negated, List.of(value));
    }
}
