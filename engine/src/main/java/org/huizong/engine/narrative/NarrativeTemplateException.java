package org.huizong.engine.narrative;

import org.huizong.engine.HuizongException;

/**
 * A narrative template that cannot be used: bad syntax, an unknown field or indicator, a
 * reference without its unit, or a unit that does not fit the figure. The message starts with
 * {@code source:line:column} (both 1-based) and says in Chinese what to change.
 */
public final class NarrativeTemplateException extends HuizongException {
    private static final long serialVersionUID = 1L;

    private final String sourceName;
    private final int line;
    private final int column;

    NarrativeTemplateException(String sourceName, int line, int column, String problem) {
        super(sourceName + ":" + line + ":" + column + ": " + problem);
        this.sourceName = sourceName;
        this.line = line;
        this.column = column;
    }

    /** The template's name as given to {@link NarrativeTemplate#parse}. */
    public String sourceName() {
        return sourceName;
    }

    /** 1-based line. */
    public int line() {
        return line;
    }

    /** 1-based column, counted in characters (a Chinese character is one column). */
    public int column() {
        return column;
    }
}
