package org.huizong.engine.report;

import org.huizong.engine.HuizongException;

/** The consolidated workbook could not be written; the message names the file or stream. */
public final class ReportException extends HuizongException {
    private static final long serialVersionUID = 1L;

    ReportException(String message, Throwable cause) {
        super(message, cause);
    }
}
