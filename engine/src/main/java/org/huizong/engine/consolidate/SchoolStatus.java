package org.huizong.engine.consolidate;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.huizong.engine.model.Finding;
import org.huizong.engine.model.OrderedMaps;
import org.huizong.engine.model.School;
import org.huizong.engine.model.Value;

/**
 * Where one roster school stands: its return (the latest version when it sent several), whether
 * that is in the totals, and what was found in it.
 *
 * @param version the file of the return that counts for the school and its times, empty when
 *     none arrived
 * @param versions how many returns of the school arrived (more than 1: duplicates)
 * @param values the return's values by field id (form fields, not table rows), empty when none
 * @param findings its errors and warnings (notices left out)
 */
public record SchoolStatus(School school, Status status, Optional<Completeness.Version> version,
        int versions, Map<String, Value> values, List<Finding> findings) {

    /** What the submission sheet (报送情况) says about a school. */
    public enum Status {
        /** A return without errors, in the totals. */
        COUNTED("已报送"),
        /** A return with errors, in the totals because the bureau asked for that. */
        COUNTED_WITH_ERRORS("有错误，已计入"),
        /** A return with errors, left out of the totals. */
        ERRORS("有错误，未计入"),
        /** A return the bureau has not yet approved, while it counts only approved ones. */
        AWAITING_REVIEW("已报送待审核，未计入"),
        /** No return arrived. */
        MISSING("未报送");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public boolean isCounted() {
            return this == COUNTED || this == COUNTED_WITH_ERRORS;
        }
    }

    public SchoolStatus {
        Objects.requireNonNull(school, "school");
        Objects.requireNonNull(status, "status of " + school.code());
        Objects.requireNonNull(version, "version");
        values = OrderedMaps.copyOf(values);
        findings = List.copyOf(findings);
        if ((status == Status.MISSING) != version.isEmpty()) {
            throw new IllegalArgumentException("school " + school.code() + ": status " + status
                    + " but file " + version.map(Completeness.Version::file));
        }
    }

    /** The file of the return that counts for the school, empty when none arrived. */
    public Optional<String> file() {
        return version.map(Completeness.Version::file);
    }

    /** That file's last-modified or upload time. */
    public Optional<Instant> time() {
        return version.map(Completeness.Version::time);
    }

    /** The status as printed, noting duplicates: 已报送（报送3次，以最后一次为准）. */
    public String statusText() {
        return versions > 1 ? status.label() + "（报送" + versions + "次，以最后一次为准）"
                : status.label();
    }
}
