package dev.slugline.posts;

import dev.slugline.common.config.SluglineConfig;
import dev.slugline.rendering.ReadingTime;
import dev.slugline.rendering.RenderedMarkdown;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What every write stores of a post's input, from the API ({@link PostService}) or an import
 * ({@link PostImportService}): one rule for both, so an imported post reads exactly as if it had been posted.
 */
record PostContent(String title, String markdown, String html, String summary, PostStatus status,
                   OffsetDateTime publishedAt, OffsetDateTime expiresAt, int wordCount, int readingMinutes,
                   Map<String, Object> frontMatter) {

    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\p{Punct}&&[^)\"'’]]+$");

    /** {@code publishedAt} is decided by the caller: the API dates an undated published post now, an import does not. */
    static PostContent of(PostInput input, RenderedMarkdown rendered, OffsetDateTime publishedAt, SluglineConfig config) {
        String summary = input.summary() != null && !input.summary().isBlank()
                ? input.summary().strip()
                : summarize(rendered.firstParagraph(), config.summary().maxLength());
        return new PostContent(input.title().strip(), input.markdown(), rendered.html(), summary,
                input.status() == PostStatus.DRAFT ? PostStatus.DRAFT : PostStatus.PUBLISHED, publishedAt,
                input.expiresAt(), rendered.wordCount(),
                ReadingTime.minutes(rendered.wordCount(), config.reading().wordsPerMinute()),
                input.frontMatter() != null ? input.frontMatter() : Map.of());
    }

    /** The text cut at the last word boundary before {@code max} characters, with an ellipsis when cut. */
    static String summarize(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int cut = text.lastIndexOf(' ', max - 1);
        String head = (cut > max / 2 ? text.substring(0, cut) : text.substring(0, max - 1)).stripTrailing();
        return TRAILING_PUNCTUATION.matcher(head).replaceAll("") + "…";
    }
}
