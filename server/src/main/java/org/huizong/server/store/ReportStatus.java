package org.huizong.server.store;

/**
 * A school's status in a collection, as the dashboard and the school's own page show it. Derived
 * from the latest upload and, when that upload was accepted, the latest review of it.
 */
public enum ReportStatus {
    NOT_REPORTED("未报", "none"),
    ERRORS("有错误", "error"),
    NEEDS_EXPLANATION("待说明", "pending"),
    SUBMITTED("已报送待审核", "submitted"),
    RETURNED("已退回", "returned"),
    APPROVED("已通过", "approved"),
    /** Approved, then reopened by the bureau (撤销通过): the school may upload again. */
    REOPENED("已撤销通过", "reopened");

    private final String label;
    private final String key;

    ReportStatus(String label, String key) {
        this.label = label;
        this.key = key;
    }

    /** The Chinese word staff and schools read. */
    public String label() {
        return label;
    }

    /** A stable ASCII key for filters, CSS classes and the JSON API. */
    public String key() {
        return key;
    }

    static ReportStatus parseKey(String key) {
        for (ReportStatus s : values()) {
            if (s.key.equals(key)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown status " + key);
    }
}
