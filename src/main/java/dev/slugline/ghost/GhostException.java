package dev.slugline.ghost;

/**
 * A refusal of the Ghost Content API, answered in Ghost's own error shape by {@link GhostErrors}, so that Ghost's
 * clients read it as they would read Ghost's.
 */
public class GhostException extends RuntimeException {

    private final int status;
    private final String type;
    private final String context;

    private GhostException(int status, String type, String message, String context) {
        super(message);
        this.status = status;
        this.type = type;
        this.context = context;
    }

    public static GhostException unauthorized(String context) {
        return new GhostException(401, "UnauthorizedError", "Authorization failed", context);
    }

    public static GhostException badRequest(String parameter, String problem) {
        return new GhostException(400, "BadRequestError", "Validation error, cannot list or read: " + parameter + " "
                + problem, "Parameter '" + parameter + "' " + problem);
    }

    public static GhostException notFound(String what) {
        return new GhostException(404, "NotFoundError", "Resource not found error, cannot read " + what + ".",
                what.substring(0, 1).toUpperCase() + what.substring(1) + " not found.");
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String context() {
        return context;
    }
}
