package org.huizong.server.store;

import org.huizong.engine.rules.Validation;

/** What the validator's findings make of one uploaded version. */
public enum Verdict {
    /** Errors: not accepted; the school must fix and upload again. */
    REJECTED("有错误"),
    /** No errors, but warnings without a 说明: accepted once every warning is explained. */
    PENDING("待说明"),
    /** No errors, every warning explained: this version counts (已接受). */
    ACCEPTED("已接受");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The verdict on a version with these findings. */
    public static Verdict of(Validation v) {
        return of(v.errors(), v.unexplainedWarnings().size());
    }

    private static Verdict of(int errors, int unexplainedWarnings) {
        if (errors > 0) {
            return REJECTED;
        }
        return unexplainedWarnings > 0 ? PENDING : ACCEPTED;
    }
}
