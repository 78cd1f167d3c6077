package dev.slugline.common.paging;

import dev.slugline.common.config.SluglineConfig;
import dev.slugline.common.errors.InvalidInputException;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.function.Function;

/** One page of a list, numbered from 1, with the total a client needs to draw a pager. */
@Schema(name = "Page", description = "One page of results")
public record Page<T>(
        @Schema(description = "The items on this page") List<T> items,
        @Schema(description = "This page's number, from 1", example = "1") int page,
        @Schema(description = "The page size asked for", example = "10") int size,
        @Schema(description = "Items on all pages", example = "42") long totalItems,
        @Schema(description = "Number of pages", example = "5") int totalPages) {

    public static <T> Page<T> of(List<T> items, Request request, long totalItems) {
        int totalPages = (int) ((totalItems + request.size() - 1) / request.size());
        return new Page<>(items, request.number(), request.size(), totalItems, totalPages);
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, totalItems, totalPages);
    }

    /** A validated request for page {@code number} (from 1) of {@code size} items. */
    public record Request(int number, int size) {

        /** From the raw query parameters, so that {@code size=ten} is a 400 naming {@code size}, not a 404. */
        public static Request of(String page, String size, SluglineConfig.Paging limits) {
            int number = page == null || page.isBlank() ? 1 : parse("page", page);
            int pageSize = size == null || size.isBlank() ? limits.defaultSize() : parse("size", size);
            if (number < 1) {
                throw new InvalidInputException("page", "must be 1 or more");
            }
            if (pageSize < 1 || pageSize > limits.maxSize()) {
                throw new InvalidInputException("size", "must be between 1 and " + limits.maxSize());
            }
            if ((long) (number - 1) * pageSize > Integer.MAX_VALUE) {
                throw new InvalidInputException("page", "is too large");
            }
            return new Request(number, pageSize);
        }

        private static int parse(String parameter, String value) {
            try {
                return Integer.parseInt(value.strip());
            } catch (NumberFormatException e) {
                throw new InvalidInputException(parameter, "must be a whole number, not '" + value + "'");
            }
        }

        public int index() {
            return number - 1;
        }

        public int offset() {
            return index() * size;
        }
    }
}
