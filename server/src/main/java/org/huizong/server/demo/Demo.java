package org.huizong.server.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.huizong.engine.model.Collection;
import org.huizong.engine.model.Period;
import org.huizong.engine.model.Roster;
import org.huizong.engine.roster.RosterReader.Contact;
import org.huizong.engine.template.ReturnData;
import org.huizong.server.returns.Cycle;
import org.huizong.server.returns.EngineFacade;
import org.huizong.server.returns.Submissions;
import org.huizong.server.store.BureauStore;
import org.huizong.server.store.BureauStore.Bureau;
import org.huizong.server.store.ChaseStore;
import org.huizong.server.store.CollectionStore;
import org.huizong.server.store.CollectionStore.CollectionRow;
import org.huizong.server.store.CollectionStore.IssuedLink;
import org.huizong.server.store.CollectionStore.SchoolRow;
import org.huizong.server.store.PrivateFiles;
import org.huizong.server.store.ReturnStore;
import org.huizong.server.store.Verdict;
import org.huizong.templates.StandardCollections;
import org.huizong.templates.demo.DemoCounty;

/**
 * Loads the demo county for {@code serve --demo}: the 2023H1 collection with every return
 * approved (the previous period), and the 2024H1 collection with every school's return uploaded,
 * most approved, one sent back and a few awaiting review, so a newcomer sees a full dashboard.
 * The schools' links are written to {@code <data>/demo-links.txt}.
 */
public final class Demo {
    static final String ACTOR = "演示数据";
    private final CollectionStore collections;
    private final ReturnStore returns;
    private final Submissions submissions;
    private final EngineFacade engine;
    private final BureauStore bureau;
    private final Path dataDir;
    private final String baseUrl;
    private final ChaseStore chase;

    public Demo(CollectionStore collections, ReturnStore returns, Submissions submissions,
            EngineFacade engine, BureauStore bureau, ChaseStore chase, Path dataDir,
            String baseUrl) {
        this.bureau = bureau;
        this.chase = chase;
        this.baseUrl = baseUrl;
        this.collections = collections;
        this.returns = returns;
        this.submissions = submissions;
        this.engine = engine;
        this.dataDir = dataDir;
    }

    /** Loads the demo unless a collection exists already; returns the 2024H1 collection id. */
    public long loadIfEmpty() {
        List<CollectionRow> existing = collections.list();
        if (!existing.isEmpty()) {
            return existing.get(0).id();
        }
        if (bureau.get().isEmpty()) {
            bureau.save(ACTOR, new Bureau(DemoCounty.UNIT_NAME, DemoCounty.UNIT_CODE, "县",
                    "王老师（演示）", "0000-0000000"));
        }
        Collection c = engine.collection(StandardCollections.EDU_HALFYEAR);
        Roster roster = DemoCounty.roster();
        Period current = DemoCounty.PERIOD;
        Period previous = current.yearBefore();
        // Due two weeks from today, so the demo's own uploads (made now) are on time.
        String deadline = LocalDate.now(Cycle.ZONE).plusDays(14).toString();
        long prevId = collections.create(ACTOR, c.id(), previous.label() + c.title(), previous,
                deadline, null);
        collections.importRoster(ACTOR, prevId, roster, "demo/schools.csv");
        load(c, prevId, previous, DemoCounty.previousReturns(), Integer.MAX_VALUE);
        long id = collections.create(ACTOR, c.id(), current.label() + c.title(), current,
                deadline, null);
        collections.importRoster(ACTOR, id, roster, "demo/schools.csv");
        chase.setContacts(id, contacts(roster));
        load(c, id, current, DemoCounty.returns(), roster.size() - 6);
        // Linked after loading: the synthetic previous returns are not the same schools' real
        // history, so the per-school 50% change warnings would only be noise here; the link
        // still gives the consolidated book its 同比 figures.
        collections.setPreviousCollection(ACTOR, id, prevId);
        writeLinks(id);
        return id;
    }

    /**
     * Fictional contacts for the 催报 page (王老师, 0571-8…), deterministic by roster position.
     * Kept here, in the server's seed, not in the shared demo roster: the command line's demo
     * book must stay byte for byte what it is.
     */
    static Map<String, Contact> contacts(Roster roster) {
        String[] surnames = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐"};
        Map<String, Contact> out = new LinkedHashMap<>();
        for (int i = 0; i < roster.size(); i++) {
            out.put(roster.schools().get(i).code(), new Contact(
                    surnames[i % surnames.length] + "老师",
                    String.format(Locale.ROOT, "0571-8%07d", 6120000 + i * 1373)));
        }
        return out;
    }

    private void load(Collection c, long collectionId, Period period,
            List<DemoCounty.SchoolData> data, int approveFirst) {
        CollectionRow row = collections.find(collectionId).orElseThrow();
        // Writing workbooks is the slow part (POI); do it on every core, in roster order.
        List<byte[]> files = data.parallelStream().map(d -> engine.filled(c, period, d.school(),
                new ReturnData(d.values(), Map.of("projects", d.projects()), d.explanations())))
                .toList();
        for (int i = 0; i < data.size(); i++) {
            DemoCounty.SchoolData d = data.get(i);
            SchoolRow school = collections.findSchool(collectionId, d.school().code())
                    .orElseThrow();
            Submissions.Stored s = submissions.submit(row, school,
                    EngineFacade.templateName(c, period, d.school()), files.get(i), ACTOR,
                    "demo");
            if (s.version().verdict() != Verdict.ACCEPTED) {
                continue;
            }
            if (i < approveFirst) {
                returns.review(ACTOR, school, s.version(), ReturnStore.APPROVE, "");
            } else if (i == approveFirst) {
                returns.review(ACTOR, school, s.version(), ReturnStore.RETURN,
                        "资助金额与财务报表不一致，请核对后重新上传");
            }
        }
    }

    private void writeLinks(long collectionId) {
        List<IssuedLink> links = collections.issueLinks(ACTOR, collectionId,
                collections.schools(collectionId));
        StringBuilder sb = new StringBuilder("# 演示县各校上传链接（如服务器地址不是 " + baseUrl
                + "，请替换）\n");
        for (IssuedLink l : links) {
            sb.append(l.school().code()).append('\t').append(l.school().name())
                    .append('\t').append(baseUrl).append("/s/").append(l.secret()).append('\n');
        }
        try {
            // Every school's secret: readable by the server's account only.
            PrivateFiles.file(dataDir.resolve("demo-links.txt"));
            Files.writeString(dataDir.resolve("demo-links.txt"), sb.toString(),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
