package dev.slugline.common.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.core.JsonParseException;
import io.quarkus.logging.Log;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.StaleStateException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;

/** Turns every exception that reaches the HTTP layer into an RFC 9457 problem; no stack trace leaves the server. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response refusal(SluglineException e, UriInfo uri) {
        return Problem.of(e.status(), e.getMessage(), path(uri), e.violations()).toResponse();
    }

    /** A 429 says when to try again ({@code Retry-After}, in seconds). */
    @ServerExceptionMapper
    public Response tooManyRequests(TooManyRequestsException e, UriInfo uri) {
        return Response.fromResponse(refusal(e, uri)).header("Retry-After", e.retryAfterSeconds()).build();
    }

    /** Issue 4: a 416 also says how long the file is ({@code Content-Range: bytes *}{@code /length}). */
    @ServerExceptionMapper
    public Response rangeNotSatisfiable(RangeNotSatisfiableException e, UriInfo uri) {
        return Response.fromResponse(refusal(e, uri)).header("Content-Range", "bytes */" + e.length()).build();
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field).thenComparing(Problem.Violation::message))
                .toList();
        String detail = violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; "));
        return Problem.of(400, detail, path(uri), violations).toResponse();
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonParseException e, UriInfo uri) {
        return badJson("Malformed JSON: " + e.getOriginalMessage(), "body", uri);
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
        String field = jsonPath(e);
        return badJson("Unknown field '" + field + "'", field, uri);
    }

    @ServerExceptionMapper
    public Response wrongValue(InvalidFormatException e, UriInfo uri) {
        String field = jsonPath(e);
        return badJson("'" + e.getValue() + "' is not " + describe(e.getTargetType()), field, uri);
    }

    @ServerExceptionMapper
    public Response wrongShape(MismatchedInputException e, UriInfo uri) {
        String field = jsonPath(e);
        String expected = e.getTargetType() != null ? describe(e.getTargetType()) : "a value of another type";
        return badJson("'" + field + "' must be " + expected, field, uri);
    }

    @ServerExceptionMapper
    public Response unmappableJson(JsonMappingException e, UriInfo uri) {
        String field = jsonPath(e);
        return badJson("Invalid value for '" + field + "'", field, uri);
    }

    @ServerExceptionMapper
    public Response otherJson(JsonProcessingException e, UriInfo uri) {
        return badJson("Malformed JSON: " + e.getOriginalMessage(), "body", uri);
    }

    private Response jsonProblem(JsonProcessingException e, UriInfo uri) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return unknownField(unknown, uri);
        } else if (e instanceof InvalidFormatException format) {
            return wrongValue(format, uri);
        } else if (e instanceof MismatchedInputException mismatch) {
            return wrongShape(mismatch, uri);
        } else if (e instanceof JsonMappingException mapping) {
            return unmappableJson(mapping, uri);
        }
        return otherJson(e, uri);
    }

    @ServerExceptionMapper
    public Response concurrentChange(OptimisticLockException e, UriInfo uri) {
        return concurrent(uri);
    }

    @ServerExceptionMapper
    public Response concurrentChange(StaleStateException e, UriInfo uri) {
        return concurrent(uri);
    }

    @ServerExceptionMapper
    public Response uniqueViolation(org.hibernate.exception.ConstraintViolationException e, UriInfo uri) {
        // Only reached when two requests race for the same unique value: the first check in the service passed.
        String constraint = e.getConstraintName() == null ? "" : e.getConstraintName();
        String field = constraint.contains("slug") ? "slug" : constraint.equals("media_path_unique") ? "path" : null;
        return Problem.of(409, "The request conflicts with a concurrent change; read the item again and retry",
                path(uri), field == null ? List.of() : List.of(new Problem.Violation(field, "already taken"))).toResponse();
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return jsonProblem(json, uri);
        }
        int status = e.getResponse().getStatus();
        String detail = status == 404 ? "No resource at " + path(uri) : e.getMessage();
        List<Problem.Violation> violations = List.of();
        if (status == 413) { // RESTEasy's form and multipart readers past quarkus.http.limits.max-body-size
            detail = "The request body is larger than the limit";
            violations = List.of(new Problem.Violation("body", detail));
        }
        Response.ResponseBuilder response = Response.fromResponse(
                Problem.of(status, detail, path(uri), violations).toResponse());
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(value -> response.header(name, value));
            }
        });
        return response.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        Log.errorf(e, "Unexpected failure on %s", path(uri));
        return Problem.of(500, "An unexpected error occurred; it has been logged", path(uri), List.of()).toResponse();
    }

    private static Response concurrent(UriInfo uri) {
        return Problem.of(409, "The item was changed by another request; read it again and retry",
                path(uri), List.of()).toResponse();
    }

    /** A type as a JSON client thinks of it, without Java class names. */
    private static String describe(Class<?> type) {
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a JSON array";
        } else if (CharSequence.class.isAssignableFrom(type)) {
            return "a string";
        } else if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        } else if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        } else if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 date-time with offset, such as 2024-04-07T11:05:09+05:00";
        } else if (type.isEnum()) {
            return "one of " + java.util.Arrays.stream(type.getEnumConstants())
                    .map(c -> c.toString().toLowerCase(java.util.Locale.ROOT)).collect(Collectors.joining(", "));
        }
        return "a JSON object";
    }

    private static Response badJson(String detail, String field, UriInfo uri) {
        return Problem.of(400, detail, path(uri), List.of(new Problem.Violation(field, detail))).toResponse();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }

    /** {@code title}, {@code tags[0]} for a body field; the parameter name for a query or path parameter. */
    static String fieldOf(ConstraintViolation<?> violation) {
        List<Path.Node> nodes = new ArrayList<>();
        violation.getPropertyPath().forEach(nodes::add);
        Iterator<Path.Node> it = nodes.iterator();
        StringBuilder field = new StringBuilder();
        String parameter = null;
        while (it.hasNext()) {
            Path.Node node = it.next();
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR
                    || node.getKind() == ElementKind.RETURN_VALUE || node.getKind() == ElementKind.CROSS_PARAMETER) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.getName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(node.getName());
            }
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            } else if (node.getKey() != null) {
                field.append('[').append(node.getKey()).append(']');
            }
        }
        if (!field.isEmpty()) {
            return field.toString();
        }
        return parameter != null ? parameter : violation.getPropertyPath().toString();
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }
}
