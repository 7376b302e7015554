package org.huizong.server.returns;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.huizong.engine.consolidate.Consolidation;
import org.huizong.engine.consolidate.SchoolFindings;
import org.huizong.engine.consolidate.Submission;
import org.huizong.engine.model.Collection;
import org.huizong.engine.model.Finding;
import org.huizong.engine.model.Return;
import org.huizong.engine.model.Roster;
import org.huizong.engine.pipeline.Pipeline;
import org.huizong.server.store.BureauStore;
import org.huizong.server.store.BureauStore.Bureau;
import org.huizong.server.store.CollectionStore;
import org.huizong.server.store.CollectionStore.CollectionRow;
import org.huizong.server.store.CollectionStore.SchoolRow;
import org.huizong.server.store.FileStore;
import org.huizong.server.store.ReturnStore;
import org.huizong.server.store.ReturnStore.SchoolState;
import org.huizong.server.store.ReturnStore.VersionRow;
import org.huizong.server.web.HttpProblem;

/**
 * Builds a collection's consolidated workbook from the counted version of each school (the latest
 * accepted one, or only approved ones), with the previous period from an uploaded book or an
 * earlier collection's own consolidation.
 */
public final class Consolidations {
    /** The workbook bytes and how many returns went into it. */
    public record Book(byte[] bytes, int counted) {
    }

    /** A collection's outliers, valid while its accepted versions and 上年同期 are the same. */
    private record Outliers(String key, List<SchoolFindings> found) {
    }

    private final java.util.Map<Long, Outliers> outliers =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final CollectionStore collections;
    private final ReturnStore returns;
    private final EngineFacade engine;
    private final FileStore files;
    private final Submissions submissions;
    private final BureauStore bureau;

    public Consolidations(CollectionStore collections, ReturnStore returns, EngineFacade engine,
            FileStore files, Submissions submissions, BureauStore bureau) {
        this.collections = collections;
        this.returns = returns;
        this.engine = engine;
        this.files = files;
        this.submissions = submissions;
        this.bureau = bureau;
    }

    /**
     * Each school's accepted return, the latest one. With {@code approvedOnly}, a return the
     * bureau has not approved is passed as awaiting review: the book says the school reported
     * (已报送待审核) and leaves it out of the totals and of every 同比 comparison.
     */
    public Consolidation consolidation(CollectionRow c, boolean approvedOnly) {
        return consolidate(c, approvedOnly, pipeline(c, approvedOnly));
    }

    /**
     * Consolidates with {@code p}; the book and the summary write with the same pipeline, so
     * the previous period's book (possibly an earlier collection consolidated on the fly) is
     * read once.
     */
    private Consolidation consolidate(CollectionRow c, boolean approvedOnly, Pipeline p) {
        List<SchoolRow> schools = collections.schools(c.id());
        if (schools.isEmpty()) {
            throw new HttpProblem(409, "本任务还没有学校，请先导入名单");
        }
        List<Counted> counted = new ArrayList<>();
        for (SchoolState st : returns.states(c.id(), schools)) {
            st.latestAccepted().ifPresent(v -> counted.add(
                    new Counted(v, approvedOnly && st.counted(true).isEmpty())));
        }
        Roster roster = new Roster(schools.stream().map(SchoolRow::toSchool).toList());
        // read in parallel and folded as read: no school's whole return is held for the book
        return p.fold(roster, counted.parallelStream().map(k -> new Submission.Received(
                submissions.readStored(c, k.version()), k.version().validation().findings(),
                Instant.ofEpochMilli(k.version().uploadedAt()), k.awaitingReview())))
                .consolidation();
    }

    /** A school's return the book takes, and whether it still awaits the bureau's approval. */
    private record Counted(VersionRow version, boolean awaitingReview) {
    }

    public Book book(CollectionRow c, boolean approvedOnly) {
        Pipeline p = pipeline(c, approvedOnly);
        Consolidation cons = consolidate(c, approvedOnly, p);
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
        p.write(cons, out);
        return new Book(out.toByteArray(), cons.county().counted());
    }

    /** The 工作总结 of the same consolidation as a 公文-format .docx. */
    public Book summary(CollectionRow c, boolean approvedOnly) {
        Pipeline p = pipeline(c, approvedOnly);
        Consolidation cons = consolidate(c, approvedOnly, p);
        return new Book(p.summary(cons).toBytes(), cons.county().counted());
    }

    /**
     * The pipeline for {@code c}: the bureau's unit and area when set, the period, the deadline,
     * the scope in words, and the previous period's book.
     */
    private Pipeline pipeline(CollectionRow c, boolean approvedOnly) {
        Pipeline p = engine.pipeline(engine.collection(c.standardId())).withPeriod(c.period())
                .withPrevious(previousBook(c))
                .withScope(approvedOnly ? "只汇总教育局审核通过的报表"
                        : "汇总所有无错误的报表（含尚未审核的）");
        Optional<Bureau> b = bureau.get();
        if (b.isPresent()) {
            p = p.withUnit(new Pipeline.Unit(b.get().code(), b.get().name()))
                    .withArea(b.get().area());
        }
        Optional<LocalDate> deadline = Cycle.deadlineDay(c);
        return deadline.isPresent() ? p.withDeadline(deadline.get(), Cycle.ZONE) : p;
    }

    /**
     * A school's return of the same period a year before, for 上年同期 beside each figure on the
     * review page: from the uploaded previous book's per-school detail (numbers only), or the
     * school's latest accepted version in the previous collection (read as stored, not
     * consolidated). Empty when there is no previous period or the school was not in it.
     */
    public Optional<Return> previousOf(CollectionRow c, String schoolCode) {
        if (c.previousFile() != null) {
            return previousBook(c).flatMap(b -> b.detailOf(schoolCode));
        }
        if (c.previousCollectionId() == null) {
            return Optional.empty();
        }
        Optional<CollectionRow> prev = collections.find(c.previousCollectionId());
        return prev.flatMap(p -> collections.findSchool(p.id(), schoolCode))
                .flatMap(s -> returns.state(s).latestAccepted())
                .map(v -> submissions.readStored(prev.get(), v));
    }

    /**
     * The consolidation-scope findings (the engine's outlier checks across schools of a type) of
     * one school, by field id, over all accepted returns. The consolidation behind them is kept
     * per collection until an accepted version or the previous period changes, so paging
     * through the review pages does not consolidate the county each time.
     */
    public java.util.Map<String, Finding> outliersOf(CollectionRow c, String schoolCode) {
        StringBuilder key = new StringBuilder(c.previousFile() + "/" + c.previousCollectionId());
        for (SchoolState st : returns.states(c.id(), collections.schools(c.id()))) {
            key.append(',').append(st.latestAccepted().map(VersionRow::id).orElse(0L));
        }
        Outliers cached = outliers.get(c.id());
        if (cached == null || !cached.key().equals(key.toString())) {
            cached = new Outliers(key.toString(), consolidation(c, false).outliers());
            outliers.put(c.id(), cached);
        }
        java.util.Map<String, Finding> out = new java.util.LinkedHashMap<>();
        for (SchoolFindings sf : cached.found()) {
            if (sf.schoolCode().equals(schoolCode)) {
                sf.findings().forEach(f -> f.fieldIds().forEach(id -> out.putIfAbsent(id, f)));
            }
        }
        return out;
    }

    private Optional<Return> previousBook(CollectionRow c) {
        Collection collection = engine.collection(c.standardId());
        if (c.previousFile() != null) {
            return Optional.of(engine.read(collection, "上年同期汇总表.xlsx",
                    files.get(c.previousFile())));
        }
        if (c.previousCollectionId() != null) {
            CollectionRow prev = collections.find(c.previousCollectionId()).orElseThrow();
            Book b = book(prev, false);
            // Read by the version the earlier task used: fields are compared by id, so a field
            // new in this version has no previous figure and a removed one is left out.
            return Optional.of(engine.read(engine.collection(prev.standardId()),
                    prev.title() + "-汇总.xlsx", b.bytes()));
        }
        return Optional.empty();
    }
}
