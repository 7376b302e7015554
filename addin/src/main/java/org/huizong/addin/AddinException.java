package org.huizong.addin;

/** The add-in module's unchecked base exception: a missing or unreadable packaged resource. */
public class AddinException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    AddinException(String message) {
        super(message);
    }

    AddinException(String message, Throwable cause) {
        super(message, cause);
    }
}
