package org.huizong.server.returns;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.huizong.server.store.BureauStore;
import org.huizong.server.store.CollectionStore.CollectionRow;
import org.huizong.server.store.CollectionStore.SchoolRow;
import org.huizong.server.store.Crypto;
import org.huizong.server.store.CycleStore;
import org.huizong.server.store.ReportStatus;
import org.huizong.server.store.ReturnStore.SchoolState;
import org.huizong.server.store.ReturnStore.VersionRow;
import org.huizong.server.web.HttpProblem;

/**
 * The rules of a collection cycle that decide whether a school may upload now: an approved return
 * is locked until the bureau reopens it (撤销通过); a closed collection takes only the schools
 * allowed to file late (补报); a file identical to one the bureau sent back is refused; and
 * anything sent after the deadline day is 逾期.
 */
public final class Cycle {
    /** Deadlines are days in the bureau's time zone; a return is due by the end of that day. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private final CycleStore cycles;
    private final BureauStore bureau;
    private final Clock clock;

    public Cycle(CycleStore cycles, BureauStore bureau, Clock clock) {
        this.cycles = cycles;
        this.bureau = bureau;
        this.clock = clock;
    }

    /** Whether the collection's deadline day is over, by the server's clock. */
    public boolean pastDeadline(CollectionRow c) {
        return deadline(c).map(d -> clock.instant().isAfter(d)).orElse(false);
    }

    /** The collection's deadline day; empty when its deadline is not a date. */
    public static Optional<LocalDate> deadlineDay(CollectionRow c) {
        try {
            return Optional.of(LocalDate.parse(c.deadline()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The end of the collection's deadline day; empty when its deadline is not a date. */
    public static Optional<Instant> deadline(CollectionRow c) {
        return deadlineDay(c).map(d -> d.plusDays(1).atStartOfDay(ZONE).toInstant());
    }

    /** Whether {@code v} was uploaded after the deadline day (逾期). */
    public static boolean late(CollectionRow c, VersionRow v) {
        return deadline(c).map(d -> v.uploadedAt() >= d.toEpochMilli()).orElse(false);
    }

    /** Whether the collection is closed (截止，不再接收). */
    public boolean closed(CollectionRow c) {
        return cycles.closure(c.id()).isPresent();
    }

    /** Whether the school may file although the collection is closed (补报). */
    public boolean mayFileLate(SchoolRow school) {
        return cycles.lateAllowance(school).isPresent();
    }

    /** Why the school cannot upload now, in Chinese; empty when it can. */
    public Optional<String> whyNot(CollectionRow c, SchoolState st) {
        if (st.status() == ReportStatus.APPROVED) {
            return Optional.of("本校报表已审核通过，不能再上传新版本。如需修改，请联系教育局" + contact()
                    + "，由教育局撤销通过后再上传。");
        }
        if (closed(c) && !mayFileLate(st.school())) {
            return Optional.of("“" + c.title() + "”已截止，不再接收报表。如需补报，请联系教育局"
                    + contact() + "。");
        }
        return Optional.empty();
    }

    /**
     * Refuses an upload the cycle does not take: see {@link #whyNot}, and a file byte for byte
     * the same as a version the bureau sent back.
     */
    void admit(CollectionRow c, SchoolState st, String fileName, byte[] bytes) {
        Optional<String> why = whyNot(c, st);
        if (why.isPresent()) {
            throw new HttpProblem(409, why.get());
        }
        String sha = Crypto.sha256Hex(bytes);
        for (VersionRow v : st.versions()) {
            if (v.sha().equals(sha) && st.sentBack(v)) {
                throw new HttpProblem(409, "“" + fileName + "”与教育局退回的第 " + v.no()
                        + " 版完全相同，没有修改。请按退回意见修改后保存，再上传。");
            }
        }
    }

    /** （联系人：王老师，电话：…） or nothing when the bureau has not said. */
    private String contact() {
        return bureau.get().filter(b -> !b.contact().isBlank())
                .map(b -> "（" + b.contactLine() + "）").orElse("");
    }
}
