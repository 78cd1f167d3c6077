package dev.slugline.importing;

import dev.slugline.common.errors.UnprocessableContentException;

/**
 * 422: a Markdown file cannot become a post. Names the front matter field (or {@code file}, {@code frontMatter},
 * {@code markdown}) and, where known, the line of the file, so the writer can find it.
 */
public class FileRefusedException extends UnprocessableContentException {

    private final String field;
    private final String reason;
    private final Integer line;

    public FileRefusedException(String field, Integer line, String reason) {
        super(field, line != null ? "line " + line + ": " + reason : reason);
        this.field = field;
        this.reason = reason;
        this.line = line;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }

    /** 1-based line of the file, or null when the problem is not on one line. */
    public Integer line() {
        return line;
    }
}
