package org.huizong.server.staff;

import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;

import io.javalin.http.UploadedFile;
import java.util.Optional;
import org.huizong.engine.HuizongException;
import org.huizong.engine.model.Collection;
import org.huizong.engine.spec.DefinitionCheck;
import org.huizong.server.returns.EngineFacade;
import org.huizong.server.returns.Submissions;
import org.huizong.server.store.DefinitionStore;
import org.huizong.server.store.DefinitionStore.DefinitionRow;
import org.huizong.server.store.FileStore;
import org.huizong.server.web.Forms;
import org.huizong.server.web.Guard;
import org.huizong.server.web.Html;
import org.huizong.server.web.HttpProblem;
import org.huizong.server.web.PageChrome;
import org.huizong.server.web.Reply;
import org.huizong.server.web.RouteGroup;
import org.huizong.server.web.Routes;
import org.huizong.server.web.StaffRequest;
import org.huizong.templates.CollectionDefinition;
import org.huizong.templates.StandardCollections;

/**
 * The collection definitions: the built-in ones and every version the bureau uploaded (.xlsx
 * definition workbook or .yaml), each downloadable as a definition workbook to edit in Excel.
 * An upload is checked whole; a definition with problems is refused with every problem named
 * by sheet and cell, and a version already known is refused, so a version never changes once
 * a task may use it.
 */
final class DefinitionPages implements RouteGroup {
    private final DefinitionStore definitions;
    private final EngineFacade engine;
    private final FileStore files;
    private final long maxBytes;

    DefinitionPages(DefinitionStore definitions, EngineFacade engine, FileStore files,
            long maxBytes) {
        this.definitions = definitions;
        this.engine = engine;
        this.files = files;
        this.maxBytes = maxBytes;
    }

    @Override
    public void register(Routes r) {
        r.staff(GET, "/definitions", Guard.STAFF, this::list);
        r.staff(POST, "/definitions", Guard.ADMIN, this::upload);
        r.staff(GET, "/definitions/workbook", Guard.STAFF, this::workbook);
    }

    private Reply list(StaffRequest s) {
        Html builtIn = Html.each(StandardCollections.ids(), id -> row(engine.collection(id), id,
                "内置", ""));
        Html uploaded = Html.each(definitions.list(), d -> row(engine.collection(d.key()),
                d.key(), d.uploadedBy(), PageChrome.time(d.uploadedAt())));
        Html body = Html.of("""
                <h1>报表定义</h1>
                <p>新建报表任务时可选用下列定义。字段编号是各版本之间的约定：上期任务按其自己的版本读取，
                两个版本都有的字段计算同比。</p>
                <table><tr><th>报表</th><th>编号@版本</th><th>报告期类型</th><th class="num">字段数</th>
                <th>上传</th><th>上传时间</th><th>定义工作簿</th></tr>{}{}</table>
                <h2>上传报表定义</h2>
                <form class="card" method="post" action="/definitions"
                      enctype="multipart/form-data">
                  {}
                  <label for="definition">定义文件（Excel 定义工作簿 .xlsx，或 .yaml）</label>
                  <input type="file" id="definition" name="definition" accept=".xlsx,.yaml,.yml"
                         required>
                  <p>可先下载上表中的定义工作簿，在 Excel 中修改后上传；修改结构时请把“设置”表中的版本加一。</p>
                  <div class="actions"><button type="submit">检查并上传</button></div>
                </form>""", builtIn, uploaded, s.csrfField());
        return s.page("报表定义", body);
    }

    private static Html row(Collection c, String key, String by, String at) {
        return Html.of("""
                <tr><td>{}</td><td>{}</td><td>{}</td><td class="num">{}</td><td>{}</td><td>{}</td>
                <td><a href="/definitions/workbook?key={}">下载</a></td></tr>""",
                c.title(), key, c.periodKind().label(), c.allFields().size(), by, at, key);
    }

    private Reply upload(StaffRequest s) {
        UploadedFile f = s.ctx().uploadedFile("definition");
        if (f == null || f.size() == 0) {
            throw new HttpProblem(400, "没有收到定义文件，请选择 .xlsx 定义工作簿或 .yaml 文件");
        }
        byte[] bytes = Forms.read(f, maxBytes);
        String name = Submissions.safeName(f.filename());
        DefinitionCheck check;
        try {
            check = CollectionDefinition.check(bytes, name, "");
        } catch (HuizongException e) {
            throw new HttpProblem(422, e.getMessage());
        }
        if (check.collection().isEmpty()) {
            throw new HttpProblem(422, "报表定义 " + name + " 有 " + check.problems().size()
                    + " 个问题，没有保存：", check.problems());
        }
        Collection c = check.getCollection();
        String key = DefinitionRow.key(c.id(), c.version());
        Optional<Collection> builtIn = StandardCollections.find(c.id());
        if (builtIn.isPresent() && builtIn.get().version() == c.version()
                || definitions.find(key).isPresent()) {
            throw new HttpProblem(409, "“" + c.title() + "”第" + c.version() + "版（" + key
                    + "）已经存在；修改后的定义请在“设置”表中把版本改为 " + (c.version() + 1) + " 再上传");
        }
        definitions.add(s.username(), c, name, files.put(bytes));
        return Reply.redirect("/definitions");
    }

    private Reply workbook(StaffRequest s) {
        String key = Forms.query(s.ctx(), "key");
        CollectionDefinition d = engine.uploaded(key).orElseGet(() -> {
            if (!StandardCollections.ids().contains(key)) {
                throw HttpProblem.notFound("报表定义 " + key);
            }
            return CollectionDefinition.of(key);
        });
        String name = key.replace('@', '-') + ".xlsx";
        return new Reply.Download(name, Reply.XLSX, d.toWorkbook(name));
    }
}
