package org.huizong.engine.consolidate;

import org.huizong.engine.HuizongException;

/** A consolidation that cannot be made at all (no period can be determined, say). */
public final class ConsolidationException extends HuizongException {
    private static final long serialVersionUID = 1L;

    ConsolidationException(String message) {
        super(message);
    }
}
