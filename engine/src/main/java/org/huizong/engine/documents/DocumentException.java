package org.huizong.engine.documents;

import org.huizong.engine.HuizongException;

/** A document could not be written; the message names the file or stream. */
public final class DocumentException extends HuizongException {
    private static final long serialVersionUID = 1L;

    DocumentException(String message, Throwable cause) {
        super(message, cause);
    }
}
