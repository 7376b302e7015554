package org.huizong.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.huizong.engine.model.Collection;
import org.huizong.server.AccountStore.Session;
import org.huizong.server.CollectionStore.CollectionRow;
import org.huizong.server.CollectionStore.SchoolRow;
import org.huizong.server.ReturnStore.ReviewRow;
import org.huizong.server.ReturnStore.SchoolState;
import org.huizong.server.ReturnStore.VersionRow;

/** The bureau's downloads: templates, every return, the submission status, the county book. */
final class Downloads implements Routes {
    private final StaffAuth auth;
    private final CollectionStore collections;
    private final ReturnStore returns;
    private final EngineFacade engine;
    private final FileStore files;
    private final Consolidations consolidations;
    private final CollectionPages collectionPages;
    private final Audit audit;

    Downloads(StaffAuth auth, CollectionStore collections, ReturnStore returns,
            EngineFacade engine, FileStore files, Consolidations consolidations,
            CollectionPages collectionPages, Audit audit) {
        this.auth = auth;
        this.collections = collections;
        this.returns = returns;
        this.engine = engine;
        this.files = files;
        this.consolidations = consolidations;
        this.collectionPages = collectionPages;
        this.audit = audit;
    }

    @Override
    public void register(RoutesConfig r) {
        r.get("/collections/{id}/templates.zip", this::templates);
        r.get("/collections/{id}/returns.zip", this::allReturns);
        r.get("/collections/{id}/status.xlsx", this::status);
        r.get("/collections/{id}/consolidated.xlsx", this::consolidated);
    }

    private void templates(Context ctx) {
        Session s = auth.require(ctx);
        CollectionRow c = collectionPages.collection(ctx);
        List<SchoolRow> schools = collections.schools(c.id());
        if (schools.isEmpty()) {
            throw new HttpProblem(409, "本任务还没有学校，请先导入名单");
        }
        Collection collection = engine.collection(c.standardId());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        engine.templatesZip(collection, c.period(),
                schools.stream().map(SchoolRow::toSchool).toList(), out);
        audit.record(s.user().username(), "download.templates", c.id(), null,
                schools.size() + " 所学校的模板");
        Web.download(ctx, c.title() + "-模板.zip", "application/zip", out.toByteArray());
    }

    private void allReturns(Context ctx) {
        Session s = auth.require(ctx);
        CollectionRow c = collectionPages.collection(ctx);
        List<SchoolState> states = returns.states(c.id(), collections.schools(c.id()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int n = 0;
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (SchoolState st : states) {
                for (VersionRow v : st.versions()) {
                    zip.putNextEntry(new ZipEntry(st.school().code() + "-" + st.school().name()
                            + "/v" + v.no() + "-" + v.verdict().label() + "-" + v.fileName()));
                    zip.write(files.get(v.sha()));
                    zip.closeEntry();
                    n++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        audit.record(s.user().username(), "download.returns", c.id(), null, n + " 个文件");
        Web.download(ctx, c.title() + "-全部报表.zip", "application/zip", out.toByteArray());
    }

    private void status(Context ctx) {
        Session s = auth.require(ctx);
        CollectionRow c = collectionPages.collection(ctx);
        List<SchoolState> states = returns.states(c.id(), collections.schools(c.id()));
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("学校标识码", "学校名称", "学校类型", "所在乡镇", "办学性质", "状态",
                "最近上传", "版本数", "错误", "警告", "审核意见"));
        for (SchoolState st : states) {
            SchoolRow sc = st.school();
            VersionRow v = st.latest().orElse(null);
            String review = st.latestReview().map(ReviewRow::reason).orElse("");
            List<Object> row = new ArrayList<>(List.of(sc.code(), sc.name(), sc.type(),
                    sc.township(), sc.ownership(), st.status().label()));
            row.add(v == null ? "" : Layout.time(v.uploadedAt()));
            row.add(st.versions().size());
            row.add(v == null ? "" : (Object) v.errors());
            row.add(v == null ? "" : (Object) v.warnings());
            row.add(review);
            rows.add(row);
        }
        audit.record(s.user().username(), "download.status", c.id(), null, "");
        Web.download(ctx, c.title() + "-报送情况.xlsx", Web.XLSX, XlsxTable.write("报送情况", rows));
    }

    private void consolidated(Context ctx) {
        Session s = auth.require(ctx);
        CollectionRow c = collectionPages.collection(ctx);
        boolean approvedOnly = !"accepted".equals(ctx.queryParam("scope"));
        Consolidations.Book book;
        try {
            book = consolidations.book(c, approvedOnly);
        } catch (org.huizong.engine.HuizongException e) {
            throw new HttpProblem(422, "无法生成汇总表：" + e.getMessage());
        }
        audit.record(s.user().username(), "download.consolidated", c.id(), null,
                (approvedOnly ? "已通过" : "全部已接受") + "的报表 " + book.counted() + " 份");
        Web.download(ctx, c.title() + "-汇总.xlsx", Web.XLSX, book.bytes());
    }
}
