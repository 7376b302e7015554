package org.huizong.engine;


/**
 * A file that cannot be read as a return of a known collection at all: not a spreadsheet,
 * encrypted, macro-enabled, too large, a zip bomb, another collection or period, or a template
 * whose protected structure was altered. The command line exits with code 2 on it. The message is
 * Chinese, names the file and says what the school should do.
 */
public final class UnreadableFileException extends HuizongException {
    private static final long serialVersionUID = 1L;

    private final String file;

    public UnreadableFileException(String file, String message) {
        super(message);
        this.file = file;
    }

    public UnreadableFileException(String file, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
    }

    /** The file name as given to the reader, without directories. */
    public String file() {
        return file;
    }
}
