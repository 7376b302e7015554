package org.huizong.engine.model;

/** How much a finding matters. */
public enum Severity {
    /** Blocks acceptance of a return. */
    ERROR("错误"),
    /** Accepted only with a written explanation (说明) from the school. */
    WARNING("警告"),
    /** Informational: the reader interpreted a value (a dash read as 0, say) and says so. */
    NOTICE("提示");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    /** The Chinese word a school clerk reads. */
    public String label() {
        return label;
    }
}
