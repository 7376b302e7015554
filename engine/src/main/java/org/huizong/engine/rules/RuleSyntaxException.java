package org.huizong.engine.rules;

import org.huizong.engine.HuizongException;

/**
 * A rule-language expression that does not parse. The message quotes the expression, names the
 * 1-based character position and says what was expected there.
 */
public final class RuleSyntaxException extends HuizongException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final int offset;

    RuleSyntaxException(String source, int offset, String problem) {
        super("规则表达式 \"" + source + "\" 第 " + (offset + 1) + " 个字符处" + problem);
        this.source = source;
        this.offset = offset;
    }

    /** The expression as written. */
    public String source() {
        return source;
    }

    /** One-based character position of the problem, as the message states it. */
    public int position() {
        return offset + 1;
    }

    /** Zero-based offset of the problem into {@link #source()}. */
    public int offset() {
        return offset;
    }
}
