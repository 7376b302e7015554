package org.huizong.engine.rules;

import org.huizong.engine.HuizongException;

/**
 * A collection's rule, formula or indicator that cannot be checked: it does not parse, names a
 * field the collection lacks, mixes a table column into a form rule, and so on. The message
 * names the rule (or field, or indicator) id, where the spec wrote it, and the problem.
 */
public final class InvalidRuleException extends HuizongException {
    private static final long serialVersionUID = 1L;

    InvalidRuleException(String message) {
        super(message);
    }

    InvalidRuleException(String message, Throwable cause) {
        super(message, cause);
    }
}
