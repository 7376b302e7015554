package org.huizong.engine;

/**
 * The engine's one unchecked base exception. Subclasses say what kind of input was wrong; every
 * message names the file, sheet, cell or spec line it belongs to, in Chinese where a school clerk
 * or bureau statistician reads it.
 */
public class HuizongException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public HuizongException(String message) {
        super(message);
    }

    public HuizongException(String message, Throwable cause) {
        super(message, cause);
    }
}
