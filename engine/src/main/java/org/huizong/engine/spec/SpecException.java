package org.huizong.engine.spec;

import org.huizong.engine.HuizongException;

/** A collection spec that cannot be loaded; the message starts with {@code file:line:}. */
public final class SpecException extends HuizongException {
    private static final long serialVersionUID = 1L;

    SpecException(String message) {
        super(message);
    }

    SpecException(String message, Throwable cause) {
        super(message, cause);
    }
}
