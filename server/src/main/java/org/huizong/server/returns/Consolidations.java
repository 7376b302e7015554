package org.huizong.server.returns;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.huizong.engine.consolidate.Consolidation;
import org.huizong.engine.consolidate.Submission;
import org.huizong.engine.model.Collection;
import org.huizong.engine.model.Return;
import org.huizong.engine.model.Roster;
import org.huizong.engine.pipeline.Pipeline;
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

    private final CollectionStore collections;
    private final ReturnStore returns;
    private final EngineFacade engine;
    private final FileStore files;
    private final Submissions submissions;

    public Consolidations(CollectionStore collections, ReturnStore returns, EngineFacade engine,
            FileStore files, Submissions submissions) {
        this.collections = collections;
        this.returns = returns;
        this.engine = engine;
        this.files = files;
        this.submissions = submissions;
    }

    public Consolidation consolidation(CollectionRow c, boolean approvedOnly) {
        List<SchoolRow> schools = collections.schools(c.id());
        if (schools.isEmpty()) {
            throw new HttpProblem(409, "本任务还没有学校，请先导入名单");
        }
        Collection collection = engine.collection(c.standardId());
        List<Submission> subs = new ArrayList<>();
        for (SchoolState st : returns.states(c.id(), schools)) {
            Optional<VersionRow> v = st.counted(approvedOnly);
            if (v.isPresent()) {
                Return r = submissions.readStored(c, v.get());
                subs.add(new Submission.Received(r, v.get().validation().findings(),
                        Instant.ofEpochMilli(v.get().uploadedAt())));
            }
        }
        Roster roster = new Roster(schools.stream().map(SchoolRow::toSchool).toList());
        return pipeline(c).consolidate(roster, subs);
    }

    public Book book(CollectionRow c, boolean approvedOnly) {
        Consolidation cons = consolidation(c, approvedOnly);
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
        pipeline(c).write(cons, out);
        return new Book(out.toByteArray(), cons.county().counted());
    }

    /** The 工作总结 of the same consolidation as a 公文-format .docx. */
    public Book summary(CollectionRow c, boolean approvedOnly) {
        Consolidation cons = consolidation(c, approvedOnly);
        return new Book(pipeline(c).summary(cons).toBytes(), cons.county().counted());
    }

    private Pipeline pipeline(CollectionRow c) {
        return engine.pipeline(engine.collection(c.standardId())).withPeriod(c.period())
                .withPrevious(previousBook(c));
    }

    private Optional<Return> previousBook(CollectionRow c) {
        Collection collection = engine.collection(c.standardId());
        if (c.previousFile() != null) {
            return Optional.of(engine.read(collection, "上期汇总表.xlsx", files.get(c.previousFile())));
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
