package org.huizong.server.staff;

import static io.javalin.http.HandlerType.GET;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.huizong.engine.consolidate.Consolidation;
import org.huizong.engine.model.Collection;
import org.huizong.engine.findings.TotalsReport;
import org.huizong.engine.report.DetailTable;
import org.huizong.engine.report.TotalsTable;
import org.huizong.engine.report.FlatTable;
import org.huizong.server.returns.Consolidations;
import org.huizong.server.returns.Cycle;
import org.huizong.server.returns.EngineFacade;
import org.huizong.server.store.Audit;
import org.huizong.server.store.CollectionStore.CollectionRow;
import org.huizong.server.store.CollectionStore.SchoolRow;
import org.huizong.server.store.BureauStore;
import org.huizong.server.store.CollectionStore;
import org.huizong.server.store.FileStore;
import org.huizong.server.store.ReturnStore.ReviewRow;
import org.huizong.server.store.ReturnStore.SchoolState;
import org.huizong.server.store.ReturnStore.VersionRow;
import org.huizong.server.store.ReturnStore;
import org.huizong.server.web.FileNames;
import org.huizong.server.web.Guard;
import org.huizong.server.web.HttpProblem;
import org.huizong.server.web.PageChrome;
import org.huizong.server.web.Reply;
import org.huizong.server.web.RouteGroup;
import org.huizong.server.web.Routes;
import org.huizong.server.web.StaffRequest;

/** The bureau's downloads: templates, every return, the submission status, the county book. */
final class Downloads implements RouteGroup {
    private static final String ZIP = "application/zip";
    private static final String CSV = "text/csv; charset=utf-8";
    private static final String JSON = "application/json; charset=utf-8";
    private static final String DOCX =
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private final CollectionStore collections;
    private final ReturnStore returns;
    private final EngineFacade engine;
    private final FileStore files;
    private final Consolidations consolidations;
    private final Audit audit;
    private final BureauStore bureau;

    Downloads(CollectionStore collections, ReturnStore returns, EngineFacade engine,
            FileStore files, Consolidations consolidations, Audit audit, BureauStore bureau) {
        this.bureau = bureau;
        this.collections = collections;
        this.returns = returns;
        this.engine = engine;
        this.files = files;
        this.consolidations = consolidations;
        this.audit = audit;
    }

    @Override
    public void register(Routes r) {
        r.collection(GET, "/collections/{id}/templates.zip", this::templates);
        r.collection(GET, "/collections/{id}/returns.zip", Guard.REVIEWER, this::allReturns);
        r.collection(GET, "/collections/{id}/status.xlsx", this::status);
        r.collection(GET, "/collections/{id}/consolidated.xlsx", this::consolidated);
        r.collection(GET, "/collections/{id}/summary.docx", this::summary);
        r.collection(GET, "/collections/{id}/detail.csv", this::detail);
        r.collection(GET, "/collections/{id}/totals.csv", (s, c) -> totals(s, c, false));
        r.collection(GET, "/collections/{id}/totals.json", (s, c) -> totals(s, c, true));
        r.collection(GET, "/collections/{id}/missing.xlsx", this::missing);
    }

    private Reply templates(StaffRequest s, CollectionRow c) {
        List<SchoolRow> schools = collections.schools(c.id());
        if (schools.isEmpty()) {
            throw new HttpProblem(409, "本任务还没有学校，请先导入名单");
        }
        Collection collection = engine.collection(c.standardId());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        engine.templatesZip(collection, c.period(),
                schools.stream().map(SchoolRow::toSchool).toList(), out);
        audit.record(s.username(), "download.templates", c.id(), null,
                schools.size() + " 所学校的模板");
        return new Reply.Download(c.title() + "-模板.zip", ZIP, out.toByteArray());
    }

    /** Every stored version; a township reviewer gets only its own schools' files. */
    private Reply allReturns(StaffRequest s, CollectionRow c) {
        List<SchoolState> states = ReviewLevels.visible(s.session().user(),
                returns.states(c.id(), collections.schools(c.id())));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int n = 0;
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (SchoolState st : states) {
                for (VersionRow v : st.versions()) {
                    // Roster names are free text: never a path of their own in the zip.
                    zip.putNextEntry(new ZipEntry(FileNames.segment(st.school().code() + "-"
                            + st.school().name()) + "/" + FileNames.segment("v" + v.no() + "-"
                            + v.verdict().label() + "-" + v.fileName())));
                    zip.write(files.get(v.sha()));
                    zip.closeEntry();
                    n++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        audit.record(s.username(), "download.returns", c.id(), null, n + " 个文件");
        return new Reply.Download(c.title() + "-全部报表.zip", ZIP, out.toByteArray());
    }

    private Reply status(StaffRequest s, CollectionRow c) {
        List<SchoolState> states = returns.states(c.id(), collections.schools(c.id()));
        List<String> header = List.of("学校标识码", "学校名称", "学校类型", "所在乡镇", "办学性质",
                "状态", "最近上传", "逾期", "版本数", "错误", "警告", "审核意见");
        List<List<Object>> rows = new ArrayList<>();
        for (SchoolState st : states) {
            SchoolRow sc = st.school();
            VersionRow v = st.latest().orElse(null);
            String review = st.latestReview().map(ReviewRow::reason).orElse("");
            List<Object> row = new ArrayList<>(List.of(sc.code(), sc.name(), sc.type(),
                    sc.township(), sc.ownership(), st.status().label()));
            row.add(v == null ? "" : PageChrome.time(v.uploadedAt()));
            row.add(v != null && Cycle.late(c, v) ? "逾期" : "");
            row.add(st.versions().size());
            row.add(v == null ? "" : (Object) v.errors());
            row.add(v == null ? "" : (Object) v.warnings());
            row.add(review);
            rows.add(row);
        }
        audit.record(s.username(), "download.status", c.id(), null, "");
        return Reply.xlsx(c.title() + "-报送情况.xlsx",
                FlatTable.of("报送情况", header, rows).titled(title(c, "报送情况")).toXlsx());
    }

    private Reply consolidated(StaffRequest s, CollectionRow c) {
        boolean approvedOnly = !"accepted".equals(s.ctx().queryParam("scope"));
        Consolidations.Book book;
        try {
            book = consolidations.book(c, approvedOnly);
        } catch (org.huizong.engine.HuizongException e) {
            throw new HttpProblem(422, "无法生成汇总表：" + e.getMessage());
        }
        audit.record(s.username(), "download.consolidated", c.id(), null,
                (approvedOnly ? "已通过" : "全部已接受") + "的报表 " + book.counted() + " 份");
        return Reply.xlsx(c.title() + "-汇总.xlsx", book.bytes());
    }

    /** The 工作总结 as a 公文-format Word document, from the same figures as the book. */
    private Reply summary(StaffRequest s, CollectionRow c) {
        boolean approvedOnly = !"accepted".equals(s.ctx().queryParam("scope"));
        Consolidations.Book doc;
        try {
            doc = consolidations.summary(c, approvedOnly);
        } catch (org.huizong.engine.HuizongException e) {
            throw new HttpProblem(422, "无法生成工作总结：" + e.getMessage());
        }
        audit.record(s.username(), "download.summary", c.id(), null,
                (approvedOnly ? "已通过" : "全部已接受") + "的报表 " + doc.counted() + " 份");
        return new Reply.Download(c.title() + "-工作总结.docx", DOCX, doc.bytes());
    }

    /** The counted schools' figures as CSV for other systems (学校明细), approved only unless asked. */
    private Reply detail(StaffRequest s, CollectionRow c) {
        boolean approvedOnly = !"accepted".equals(s.ctx().queryParam("scope"));
        Consolidation cons = consolidationOf(c, approvedOnly);
        audit.record(s.username(), "download.detail", c.id(), null,
                cons.completeness().counted() + " 所学校的明细");
        return new Reply.Download(c.title() + "-学校明细.csv", CSV,
                DetailTable.counted(cons).toCsv());
    }

    /**
     * Every total, exact, for other systems (汇总数, as {@code consolidate --totals} writes it),
     * approved only unless asked.
     */
    private Reply totals(StaffRequest s, CollectionRow c, boolean json) {
        boolean approvedOnly = !"accepted".equals(s.ctx().queryParam("scope"));
        Consolidation cons = consolidationOf(c, approvedOnly);
        audit.record(s.username(), "download.totals", c.id(), null,
                cons.completeness().counted() + " 所学校的汇总数");
        return json ? new Reply.Download(c.title() + "-汇总数.json", JSON,
                TotalsReport.json(cons).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                : new Reply.Download(c.title() + "-汇总数.csv", CSV, TotalsTable.of(cons).toCsv());
    }

    /** The schools that have sent nothing (未报学校), for chasing. */
    private Reply missing(StaffRequest s, CollectionRow c) {
        Consolidation cons = consolidationOf(c, false);
        audit.record(s.username(), "download.missing", c.id(), null,
                cons.completeness().missing().size() + " 所未报学校");
        return Reply.xlsx(c.title() + "-未报学校.xlsx", DetailTable.missing(cons)
                .titled(title(c, "未报学校")).toXlsx());
    }

    /** 示范县教育局 2024年上半年教育工作半年报表 报送情况（2024-07-10 16:00 导出） */
    private String title(CollectionRow c, String what) {
        return bureau.get().map(b -> b.name() + " ").orElse("") + c.title() + " " + what
                + "（" + PageChrome.time(System.currentTimeMillis()) + " 导出）";
    }

    private Consolidation consolidationOf(CollectionRow c, boolean approvedOnly) {
        try {
            return consolidations.consolidation(c, approvedOnly);
        } catch (org.huizong.engine.HuizongException e) {
            throw new HttpProblem(422, "无法汇总：" + e.getMessage());
        }
    }
}
