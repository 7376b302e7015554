package org.huizong.engine.consolidate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.huizong.engine.model.Finding;
import org.huizong.engine.model.Return;
import org.huizong.engine.model.Severity;

/**
 * One input of a consolidation: a file that was read (with its findings) or one that could not be.
 *
 * <p>When a school sent several returns, the one its clerk saved last wins: the workbook's own
 * saved time ({@link Return#saved()}), and {@code time} only when the workbook does not say.
 * {@code time} is the file's last-modified time, or on the server the upload time. Ties are
 * broken by content, then by file name, so the choice never depends on input order.
 */
public sealed interface Submission permits Submission.Received, Submission.Unreadable {

    /** The file name (never a full path), for messages and the submission sheet. */
    String file();

    /** When the file was last modified or uploaded. */
    Instant time();

    /**
     * A return that was read.
     *
     * @param findings everything found in it: the reader's findings and the validator's, merged
     *     (a finding listed twice is kept once)
     * @param awaitingReview the bureau counts only approved returns and has not yet approved
     *     this one: the school has reported (已报送待审核), but the return stays out of the totals
     */
    record Received(Return ret, List<Finding> findings, Instant time, boolean awaitingReview)
            implements Submission {
        public Received {
            Objects.requireNonNull(ret, "ret");
            Objects.requireNonNull(time, "time of " + ret.file());
            Set<Finding> all = new LinkedHashSet<>(ret.readFindings());
            all.addAll(findings);
            findings = List.copyOf(new ArrayList<>(all));
        }

        /** A return the bureau counts as soon as it is free of errors. */
        public Received(Return ret, List<Finding> findings, Instant time) {
            this(ret, findings, time, false);
        }

        @Override
        public String file() {
            return ret.file();
        }

        /** Whether any finding is an error, which keeps the return out of the totals. */
        public boolean hasErrors() {
            return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
        }
    }

    /**
     * A file that could not be read as a return of the collection.
     *
     * @param reason Chinese, naming the file and what was wrong with it
     */
    record Unreadable(String file, String reason, Instant time) implements Submission {
        public Unreadable {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(reason, "reason for " + file);
            Objects.requireNonNull(time, "time of " + file);
        }
    }

    static Submission of(Return ret, List<Finding> findings, Instant time) {
        return new Received(ret, findings, time);
    }

    static Submission unreadable(String file, String reason, Instant time) {
        return new Unreadable(file, reason, time);
    }
}
