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
    /**
     * Two-level review: clean and not yet first-approved by the township's reviewer (初审);
     * the county cannot approve it yet.
     */
    AWAITING_FIRST("待初审", "first-pending"),
    /** Two-level review: the township's reviewer passed it (初审); the county approves (终审). */
    FIRST_APPROVED("已初审待终审", "first-approved"),
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
