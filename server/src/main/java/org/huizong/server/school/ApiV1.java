package org.huizong.server.school;

import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.huizong.engine.findings.FindingReport;
import org.huizong.engine.rules.Validation;
import org.huizong.server.returns.Submissions;
import org.huizong.server.store.CollectionStore;
import org.huizong.server.store.CollectionStore.CollectionRow;
import org.huizong.server.store.CollectionStore.SchoolRow;
import org.huizong.server.store.ReportStatus;
import org.huizong.server.store.ReturnStore;
import org.huizong.server.store.ReturnStore.SchoolState;
import org.huizong.server.store.ReturnStore.VersionRow;
import org.huizong.server.store.Verdict;
import org.huizong.server.web.ApiRequest;
import org.huizong.server.web.Csrf;
import org.huizong.server.web.Forms;
import org.huizong.server.web.Guard;
import org.huizong.server.web.HttpProblem;
import org.huizong.server.web.Json;
import org.huizong.server.web.PageChrome;
import org.huizong.server.web.Reply;
import org.huizong.server.web.RouteGroup;
import org.huizong.server.web.Routes;
import org.huizong.server.web.SchoolRequest;

/**
 * The JSON API the Excel add-in calls (see {@code docs/api.md}). Authenticated by the school's
 * link secret in the {@link ApiRequest#SECRET_HEADER} header, never by cookies (hence exempt from
 * the CSRF check, see {@link Csrf#EXEMPT_SECRET_HEADER}). The workbook comes as a multipart part
 * named {@code file} or as the raw request body.
 */
final class ApiV1 implements RouteGroup {
    private final CollectionStore collections;
    private final ReturnStore returns;
    private final Submissions submissions;

    ApiV1(CollectionStore collections, ReturnStore returns, Submissions submissions) {
        this.collections = collections;
        this.returns = returns;
        this.submissions = submissions;
    }

    @Override
    public void register(Routes r) {
        r.api(POST, "/api/v1/validate", Guard.SCHOOL_KEY_IF_GIVEN, Csrf.EXEMPT_SECRET_HEADER,
                this::validate);
        r.api(POST, "/api/v1/submit", Guard.SCHOOL_KEY, Csrf.EXEMPT_SECRET_HEADER,
                this::submit);
        r.api(GET, "/api/v1/status", Guard.SCHOOL_KEY, Csrf.SAFE_METHOD, this::status);
    }

    /** The workbook: the multipart part {@code file}, else the raw body. */
    private record Upload(String fileName, byte[] bytes) {
    }

    private Upload upload(Context ctx) {
        long max = submissions.maxBytes();
        String type = Optional.ofNullable(ctx.contentType()).orElse("");
        if (type.startsWith("multipart/")) {
            UploadedFile f = ctx.uploadedFile("file");
            if (f == null) {
                throw new HttpProblem(400, "multipart 请求中没有名为 file 的文件");
            }
            return new Upload(Submissions.safeName(f.filename()), Forms.read(f, max));
        }
        try (InputStream in = ctx.bodyInputStream()) {
            byte[] b = in.readNBytes((int) max + 1);
            if (b.length > max) {
                throw new HttpProblem(413, "上传内容超过上限 " + PageChrome.size(max));
            }
            String name = Optional.ofNullable(ctx.queryParam("filename"))
                    .or(() -> Optional.ofNullable(ctx.header("X-Huizong-Filename")))
                    .orElse("return.xlsx");
            return new Upload(Submissions.safeName(name), b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Reply validate(ApiRequest r) {
        Optional<SchoolRow> school = r.keyed().map(SchoolRequest::school);
        Upload u = upload(r.ctx());
        CollectionRow c = r.keyed().map(SchoolRequest::collection)
                .orElseGet(() -> latestCollectionFor(u));
        Submissions.Checked checked = submissions.check(c, school, u.fileName(), u.bytes());
        return new Reply.JsonBody(200, checkedAnswer(c.standardId(), checked.validation()));
    }

    /**
     * The answer to {@code validate}: the collection the file was checked for, the verdict, and
     * the file's findings as {@code files[]} of the findings report
     * ({@code docs/findings-json.md}).
     */
    static Map<String, Object> checkedAnswer(String collection, Validation v) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("collection", collection);
        verdict(body, Verdict.of(v), v.errors(), v.warnings(), v.unexplainedWarnings().size());
        body.put("files", List.of(new Json.Raw(FindingReport.fileJson(v))));
        return body;
    }

    /**
     * Without a secret, the file is checked against the newest collection of the same standard
     * and period when there is one, else against the standard collection alone.
     */
    private CollectionRow latestCollectionFor(Upload u) {
        List<CollectionRow> all = collections.list();
        if (all.isEmpty()) {
            throw new HttpProblem(409, "服务器上还没有报表任务，无法检查；请在教育局创建任务后再试");
        }
        return submissions.matchCollection(all, u.fileName(), u.bytes());
    }

    private Reply submit(ApiRequest r) {
        SchoolRow school = r.school().school();
        Upload u = upload(r.ctx());
        CollectionRow c = r.school().collection();
        Submissions.Stored stored = submissions.submit(c, school, u.fileName(), u.bytes(),
                "学校:" + school.code() + "（插件）", "api");
        // The same file sent again moments later (a retry after a lost answer): 200, not 201.
        Map<String, Object> body = submittedAnswer(school, stored.version(),
                returns.state(school).status());
        body.put("repeated", stored.repeated());
        return new Reply.JsonBody(stored.repeated() ? 200 : 201, body);
    }

    /** The answer to {@code submit}: the school, the version as stored, its findings. */
    static Map<String, Object> submittedAnswer(SchoolRow school, VersionRow v,
            ReportStatus status) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("school", schoolMap(school));
        body.put("version", v.no());
        body.put("sha256", v.sha());
        body.put("uploadedAt", Instant.ofEpochMilli(v.uploadedAt()).toString());
        verdict(body, v.verdict(), v.errors(), v.warnings(), v.unexplained());
        body.put("status", status.key());
        body.put("files", storedFindings(v));
        return body;
    }

    /** A stored version's findings: the text {@code FindingReport.fileJson} wrote, as it is. */
    private static List<Json.Raw> storedFindings(VersionRow v) {
        return List.of(new Json.Raw(v.findingsJson()));
    }

    private Reply status(ApiRequest r) {
        SchoolRow school = r.school().school();
        CollectionRow c = r.school().collection();
        SchoolState st = returns.state(school);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("school", schoolMap(school));
        Map<String, Object> coll = new LinkedHashMap<>();
        coll.put("id", c.id());
        coll.put("standard", c.standardId());
        coll.put("title", c.title());
        coll.put("period", c.period().toString());
        coll.put("deadline", c.deadline());
        body.put("collection", coll);
        body.put("status", st.status().key());
        body.put("statusLabel", st.status().label());
        body.put("latestVersion", st.latest().map(v -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("version", v.no());
            m.put("fileName", v.fileName());
            m.put("uploadedAt", Instant.ofEpochMilli(v.uploadedAt()).toString());
            verdict(m, v.verdict(), v.errors(), v.warnings(), v.unexplained());
            m.put("files", storedFindings(v));
            return (Object) m;
        }).orElse(null));
        body.put("review", st.latestReview().map(review -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("decision", review.decision());
            m.put("reason", review.reason());
            m.put("at", Instant.ofEpochMilli(review.at()).toString());
            return (Object) m;
        }).orElse(null));
        return new Reply.JsonBody(200, body);
    }

    private static Map<String, Object> schoolMap(SchoolRow s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", s.code());
        m.put("name", s.name());
        m.put("type", s.type());
        m.put("township", s.township());
        return m;
    }

    private static void verdict(Map<String, Object> m, Verdict v, int errors, int warnings,
            int unexplained) {
        m.put("verdict", v.name());
        m.put("verdictLabel", v.label());
        m.put("accepted", v == Verdict.ACCEPTED);
        m.put("errors", errors);
        m.put("warnings", warnings);
        m.put("unexplainedWarnings", unexplained);
    }
}
