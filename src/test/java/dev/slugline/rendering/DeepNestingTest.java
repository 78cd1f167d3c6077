package dev.slugline.rendering;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A 5 MB post of pathological nesting renders in bounded stack and time. */
class DeepNestingTest {

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    @Test
    void deeplyNestedQuotesRenderFlat() {
        String markdown = ">".repeat(5_000_000) + " deep\n";
        RenderedMarkdown rendered = renderer.render(markdown);
        assertThat(Jsoup.parseBodyFragment(rendered.html()).select("blockquote").size())
                .isLessThanOrEqualTo(MarkdownRenderer.MAX_DEPTH);
        assertThat(rendered.html()).contains("deep");
    }

    @Test
    void deeplyNestedListsAndEmphasisRender() {
        StringBuilder lists = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            lists.append("  ".repeat(i % 200)).append("- item ").append(i).append('\n');
        }
        assertThat(renderer.render(lists.toString()).html()).contains("item 19999");
        String emphasis = "*".repeat(1_000_000) + "x" + "*".repeat(1_000_000);
        assertThat(renderer.render(emphasis).html()).contains("x");
        String brackets = "[".repeat(1_000_000) + "x" + "](y)".repeat(1_000_000);
        assertThat(renderer.render(brackets).html()).contains("x");
    }

    @Test
    void aMillionNestedEmphasisMarkersAreShownAsEscapedText() {
        String markdown = "*a ".repeat(1_000_000) + "<script>x</script>";
        RenderedMarkdown rendered = renderer.render(markdown);
        assertThat(Jsoup.parseBodyFragment(rendered.html()).select("script")).isEmpty();
        assertThat(rendered.wordCount()).isGreaterThan(0);
    }

    @Test
    void theMoreMarkerIsNotShown() {
        RenderedMarkdown rendered = renderer.render("Intro\n\n<!--more-->\n\nRest <!--more--> inline\n");
        assertThat(Jsoup.parseBodyFragment(rendered.html()).text()).isEqualTo("Intro Rest inline");
    }
}
