package dev.slugline.common.errors;

import java.util.List;

/** 404: the addressed item does not exist (or is not visible to this client). */
public class NoSuchItemException extends SluglineException {

    public NoSuchItemException(String detail) {
        super(detail, List.of());
    }

    @Override
    public int status() {
        return 404;
    }
}
