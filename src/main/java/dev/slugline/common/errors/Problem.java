package dev.slugline.common.errors;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** An RFC 9457 problem detail, the body of every error response. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details, sent as application/problem+json")
public record Problem(
        @Schema(description = "A URI reference naming the problem type", example = "about:blank") String type,
        @Schema(description = "The HTTP reason phrase", example = "Bad Request") String title,
        @Schema(description = "The HTTP status code", example = "400") int status,
        @Schema(description = "What went wrong, for a human", example = "title: must not be blank") String detail,
        @Schema(description = "The request path", example = "/api/posts") String instance,
        @Schema(description = "One entry per offending field") List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";

    @Schema(name = "Violation")
    public record Violation(
            @Schema(description = "The offending field, query parameter or header", example = "title") String field,
            @Schema(description = "Why it was refused", example = "must not be blank") String message) {
    }

    public static Problem of(int status, String detail, String instance, List<Violation> violations) {
        Response.StatusType reason = Response.Status.fromStatusCode(status);
        String title = reason != null ? reason.getReasonPhrase() : switch (status) {
            case 422 -> "Unprocessable Content";
            case 428 -> "Precondition Required";
            default -> "Error";
        };
        return new Problem("about:blank", title, status, detail, instance, violations);
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }
}
