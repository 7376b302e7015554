package org.huizong.engine.xlsx;

import java.util.Optional;

/**
 * A cell as stored in the file, before any interpretation.
 *
 * @param kind what is stored (for a formula cell: its cached result, {@link Kind#BLANK} if none)
 * @param text the stored text: a number's digits as written ({@code 12.3456}), a string, an
 *     error code; empty when blank
 * @param formula the formula without {@code =}, when the cell has one
 */
public record RawCell(Kind kind, String text, Optional<String> formula) {
    public static final RawCell BLANK = new RawCell(Kind.BLANK, "", Optional.empty());

    public enum Kind { BLANK, NUMBER, TEXT, BOOLEAN, ERROR }

    public RawCell {
        text = text == null ? "" : text;
    }

    /** Nothing stored and no formula: reads as absent, whatever the field. */
    public boolean isEmpty() {
        return kind == Kind.BLANK && formula.isEmpty();
    }

    /**
     * The text the cell shows, trimmed: a number as its digits (never 3.134000001E9), anything
     * else as stored; empty when blank.
     */
    public String shownText() {
        return kind == Kind.NUMBER ? NumberText.storedText(text) : NumberText.trim(text);
    }

    public static RawCell of(Kind kind, String text) {
        return new RawCell(kind, text, Optional.empty());
    }
}
