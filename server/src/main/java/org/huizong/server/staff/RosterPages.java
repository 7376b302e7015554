package org.huizong.server.staff;

import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;

import io.javalin.http.UploadedFile;
import org.huizong.engine.HuizongException;
import org.huizong.engine.model.Collection;
import org.huizong.engine.model.Roster;
import org.huizong.engine.roster.RosterException;
import org.huizong.engine.roster.RosterReader;
import org.huizong.server.returns.EngineFacade;
import org.huizong.server.returns.Submissions;
import org.huizong.server.store.ChaseStore;
import org.huizong.server.store.CollectionStore;
import org.huizong.server.store.CollectionStore.CollectionRow;
import org.huizong.server.web.Forms;
import org.huizong.server.web.Html;
import org.huizong.server.web.HttpProblem;
import org.huizong.server.web.Reply;
import org.huizong.server.web.RouteGroup;
import org.huizong.server.web.Routes;
import org.huizong.server.web.StaffRequest;

/**
 * The roster import, on a page of its own so a live collection's dashboard does not lead with
 * it: CSV or XLSX, every bad line listed and nothing imported, and the optional contact columns
 * 联系人 and 联系电话 kept for chasing (催报).
 */
final class RosterPages implements RouteGroup {
    private final CollectionStore collections;
    private final ChaseStore chase;
    private final EngineFacade engine;
    private final long maxBytes;

    RosterPages(CollectionStore collections, ChaseStore chase, EngineFacade engine,
            long maxBytes) {
        this.collections = collections;
        this.chase = chase;
        this.engine = engine;
        this.maxBytes = maxBytes;
    }

    @Override
    public void register(Routes r) {
        r.collection(GET, "/collections/{id}/roster", this::form);
        r.collection(POST, "/collections/{id}/roster", this::importRoster);
    }

    /** The import form, also shown on the dashboard of a collection without schools. */
    static Html importForm(CollectionRow c, Html csrfField) {
        return Html.of("""
                <form class="card noprint" method="post" action="/collections/{}/roster"
                      enctype="multipart/form-data">
                  {}
                  <b>导入学校名单</b>
                  <span class="muted">CSV 或 XLSX，表头为 学校标识码、学校名称、学校类型、所在乡镇、
                  办学性质，可加 联系人、联系电话 两列用于催报；已有的学校按标识码更新。</span>
                  <div class="actions"><input type="file" name="roster" id="roster-file"
                    accept=".csv,.xlsx" required>
                  <button type="submit" id="roster-submit">导入名单</button></div>
                </form>""", c.id(), csrfField);
    }

    private Reply form(StaffRequest s, CollectionRow c) {
        Html body = Html.of("""
                <p class="noprint"><a href="/collections/{}">← 返回看板</a></p>
                <h1>导入学校名单：{}</h1>
                <p class="muted">本任务现有 {} 所学校。</p>{}""", c.id(), c.title(),
                collections.schools(c.id()).size(), importForm(c, s.csrfField()));
        return s.page("导入学校名单", body);
    }

    private Reply importRoster(StaffRequest s, CollectionRow c) {
        UploadedFile f = s.ctx().uploadedFile("roster");
        if (f == null) {
            throw new HttpProblem(400, "没有收到名单文件，请选择 schools.csv 或 .xlsx");
        }
        byte[] bytes = Forms.read(f, maxBytes);
        String name = Submissions.safeName(f.filename());
        Collection collection = engine.collection(c.standardId());
        Roster roster;
        try {
            roster = engine.readRoster(collection, name, bytes);
        } catch (RosterException e) {
            throw new HttpProblem(422, "学校名单 " + name + " 有 " + e.problems().size()
                    + " 处错误，没有导入任何学校：", e.problems());
        } catch (HuizongException e) {
            throw new HttpProblem(422, e.getMessage());
        }
        int added = collections.importRoster(s.username(), c.id(), roster, name);
        chase.setContacts(c.id(), RosterReader.of(collection).contacts(name, bytes));
        return Reply.redirect("/collections/" + c.id() + "?imported=" + roster.size()
                + "&added=" + added);
    }
}
