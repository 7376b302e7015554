package org.huizong.engine.consolidate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import org.huizong.engine.model.Collection;
import org.huizong.engine.model.Finding;
import org.huizong.engine.model.Period;
import org.huizong.engine.model.Return;
import org.huizong.engine.model.ReturnMeta;
import org.huizong.engine.model.Roster;
import org.huizong.engine.model.School;
import org.huizong.engine.model.Value;

/**
 * Turns a partial into a consolidation: sorts, decides which version of each school counts,
 * classifies every file, then sums. Everything order-dependent happens here, after sorting.
 */
final class Finisher {
    /** The field holding the school name, by the standard-return convention. */
    static final String NAME_FIELD = "info.name";

    private final Collection collection;
    private final Roster roster;
    private final Optional<Period> period;
    private final boolean includeWithErrors;
    /** The same period's book of the year before, for 同比. */
    private final Optional<Return> previous;
    private final Indicators indicators;

    Finisher(Collection collection, Roster roster, Optional<Period> period,
            boolean includeWithErrors, Optional<Return> previous, Indicators indicators) {
        this.collection = collection;
        this.roster = roster;
        this.period = period;
        this.includeWithErrors = includeWithErrors;
        this.previous = previous;
        this.indicators = indicators;
    }

    Consolidation finish(Partial partial) {
        List<FoldedReturn> entries = new ArrayList<>(partial.received());
        entries.sort(FoldedReturn.ORDER);
        Period p = period.or(() -> inferPeriod(collection, entries.stream()
                .map(FoldedReturn::meta).toList())).orElseThrow(() -> new ConsolidationException(
                        "没有一份可读取的“" + collection.title() + "”报表，无法确定报告期；请指定报告期（如 2024H1）"));
        List<Completeness.Rejected> rejected = unreadable(partial);
        List<Completeness.Unknown> unknown = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        roster.schools().forEach(s -> codes.add(s.code()));
        Map<String, List<FoldedReturn>> bySchool = new HashMap<>();
        for (FoldedReturn e : entries) {
            Optional<String> reason = rejection(e, p);
            if (reason.isPresent()) {
                rejected.add(new Completeness.Rejected(e.version(), e.code(), reason.get()));
            } else if (!codes.contains(e.code())) {
                unknown.add(new Completeness.Unknown(e.code(), text(e, NAME_FIELD), e.version()));
            } else {
                bySchool.computeIfAbsent(e.code(), k -> new ArrayList<>()).add(e);
            }
        }
        sort(rejected);
        return assemble(p, bySchool, unknown, rejected);
    }

    /**
     * Every file refused, every roster school missing: when no period was given and none can be
     * inferred, no return is of this collection, so each is refused for that.
     */
    Completeness refusals(Partial partial) {
        List<Completeness.Rejected> rejected = unreadable(partial);
        for (FoldedReturn e : partial.received()) {
            rejected.add(new Completeness.Rejected(e.version(), e.code(), foreign(e).orElse(
                    "文件“" + e.file() + "”无法确定报告期，本次没有可汇总的报表")));
        }
        sort(rejected);
        return new Completeness(roster.size(), 0, 0, 0, roster.schools(), List.of(), List.of(),
                List.of(), rejected, List.of(), List.of());
    }

    private static List<Completeness.Rejected> unreadable(Partial partial) {
        List<Completeness.Rejected> rejected = new ArrayList<>();
        for (Submission.Unreadable u : partial.unreadable()) {
            rejected.add(new Completeness.Rejected(
                    new Completeness.Version(u.file(), u.time()), u.reason()));
        }
        return rejected;
    }

    private static void sort(List<Completeness.Rejected> rejected) {
        rejected.sort(Comparator.comparing((Completeness.Rejected r) -> r.version().file())
                .thenComparing(r -> r.version().time())
                .thenComparing(Completeness.Rejected::reason));
    }

    private Consolidation assemble(Period p, Map<String, List<FoldedReturn>> bySchool,
            List<Completeness.Unknown> unknown, List<Completeness.Rejected> rejected) {
        List<SchoolStatus> schools = new ArrayList<>();
        List<School> missing = new ArrayList<>();
        List<School> awaitingReview = new ArrayList<>();
        List<Completeness.Duplicate> duplicates = new ArrayList<>();
        List<SchoolFindings> withErrors = new ArrayList<>();
        List<SchoolFindings> unexplained = new ArrayList<>();
        Map<String, FoldedReturn> counted = new LinkedHashMap<>();
        int countedWithErrors = 0;
        for (School s : roster.schools()) {
            List<FoldedReturn> versions = bySchool.getOrDefault(s.code(), List.of());
            if (versions.isEmpty()) {
                missing.add(s);
                schools.add(new SchoolStatus(s, SchoolStatus.Status.MISSING, Optional.empty(), 0,
                        Map.of(), List.of()));
                continue;
            }
            FoldedReturn kept = versions.get(versions.size() - 1);
            if (versions.size() > 1) {
                duplicates.add(new Completeness.Duplicate(s, kept.version(), versions
                        .subList(0, versions.size() - 1).stream().map(FoldedReturn::version)
                        .toList()));
            }
            SchoolStatus.Status status = SchoolStatus.Status.COUNTED;
            if (kept.awaitingReview()) {
                awaitingReview.add(s);
                status = SchoolStatus.Status.AWAITING_REVIEW;
            } else if (kept.hasErrors()) {
                withErrors.add(new SchoolFindings(s.code(), s.name(), kept.file(),
                        kept.findings()));
                status = includeWithErrors ? SchoolStatus.Status.COUNTED_WITH_ERRORS
                        : SchoolStatus.Status.ERRORS;
            }
            if (status.isCounted()) {
                counted.put(s.code(), kept);
                countedWithErrors += kept.hasErrors() ? 1 : 0;
                List<Finding> open = kept.findings().stream()
                        .filter(Finding::isUnexplainedWarning).toList();
                if (!open.isEmpty()) {
                    unexplained.add(new SchoolFindings(s.code(), s.name(), kept.file(), open));
                }
            }
            schools.add(new SchoolStatus(s, status, Optional.of(kept.version()), versions.size(),
                    kept.values(), kept.findings()));
        }
        Completeness completeness = new Completeness(roster.size(),
                roster.size() - missing.size(), counted.size(), countedWithErrors, missing,
                awaitingReview, duplicates, unknown, rejected, withErrors, unexplained);
        Sums sums = new Sums(collection, roster, indicators, counted);
        // Independent pieces: the outliers and the project lists are worked out on other
        // threads while the groups are summed (in parallel too).
        ForkJoinTask<List<SchoolFindings>> outliers = ForkJoinPool.commonPool().submit(
                () -> new OutlierChecks(roster, indicators.validator()).find(counted));
        Map<String, List<SchoolTableRow>> rows = sums.tableRows();
        ForkJoinTask<Map<String, TableTotals>> tableTotals = ForkJoinPool.commonPool().submit(
                () -> sums.tableTotals(rows));
        Sums.Groups g = sums.groups();
        Optional<PreviousPeriod> compared = previous.map(book -> new YearOnYear(collection,
                roster, indicators).compare(book, p, counted, g.county(), sums));
        return new Consolidation(collection, p, g.county(), g.byType(), g.byTownship(),
                g.byOwnership(), schools, rows, tableTotals.join(), completeness,
                outliers.join(), compared);
    }

    /** Why an entry cannot be counted in this consolidation at all, in Chinese. */
    private Optional<String> rejection(FoldedReturn e, Period p) {
        Optional<String> foreign = foreign(e);
        if (foreign.isPresent() || e.meta().period().equals(p)) {
            return foreign;
        }
        return Optional.of("文件“" + e.file() + "”的报告期为" + e.meta().period().label()
                + "，本次汇总的是" + p.label());
    }

    /** Why an entry is not a return of this collection's version and structure, in Chinese. */
    private Optional<String> foreign(FoldedReturn e) {
        String file = "文件“" + e.file() + "”";
        String ours = "“" + collection.title() + "”第" + collection.version() + "版";
        if (!e.meta().collection().equals(collection.id())
                || e.meta().version() != collection.version()) {
            return Optional.of(file + "是“" + e.meta().collection() + "”第" + e.meta().version()
                    + "版的报表，不是本次汇总的" + ours);
        }
        if (!e.meta().structureHash().equals(collection.structureHash())) {
            return Optional.of(file + "的表格结构与" + ours + "不符（结构码 "
                    + e.meta().structureHash() + "，应为 " + collection.structureHash()
                    + "），请用下发的模板重新填报");
        }
        return Optional.empty();
    }

    /**
     * The period most returns of the collection carry; the latest on a tie; empty when none is
     * of the collection. Only used when no period was given.
     */
    static Optional<Period> inferPeriod(Collection collection, List<ReturnMeta> metas) {
        Map<Period, Integer> counts = new TreeMap<>();
        for (ReturnMeta m : metas) {
            if (m.collection().equals(collection.id())) {
                counts.merge(m.period(), 1, Integer::sum);
            }
        }
        Period best = null;
        int bestCount = 0;
        for (Map.Entry<Period, Integer> c : counts.entrySet()) {
            if (c.getValue() >= bestCount) {
                best = c.getKey();
                bestCount = c.getValue();
            }
        }
        return Optional.ofNullable(best);
    }

    static String text(FoldedReturn e, String fieldId) {
        Value v = e.values().get(fieldId);
        return v == null ? "" : v.display();
    }

    static BigDecimal number(Value v) {
        return v instanceof Value.Num n ? n.value() : BigDecimal.ZERO;
    }
}
