package org.huizong.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.huizong.engine.findings.FindingReport;
import org.huizong.engine.model.CellRef;
import org.huizong.engine.model.Finding;
import org.huizong.engine.model.Period;
import org.huizong.engine.model.Severity;
import org.huizong.engine.rules.Validation;
import org.huizong.server.store.CollectionStore.SchoolRow;
import org.huizong.server.store.ReturnStore.VersionRow;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/** A database from before schema version 2 keeps every finding it stored. */
class FindingsInReportShapeTest {
    /** Exactly what the server wrote before version 2: a bare array, with severityLabel. */
    private static final String OLD = "[{\"rule\":\"info.teachers_le_staff\","
            + "\"severity\":\"error\","
            + "\"severityLabel\":\"错误\",\"message\":\"专任教师数(57)不能大于教职工数(52)\","
            + "\"fields\":[\"info.teachers\",\"info.staff\"],"
            + "\"cells\":[\"学校基本情况!D15\",\"学校基本情况!D14\"],\"explanation\":null},"
            + "{\"rule\":\"afterschool.teachers_le_teachers\",\"severity\":\"warning\","
            + "\"severityLabel\":\"警告\",\"message\":\"参与课后服务教师数多于专任教师数\","
            + "\"fields\":[\"afterschool.teachers\"],\"cells\":[\"课后服务!D6\"],"
            + "\"explanation\":\"含外聘\\\"退休\\\"教师\\n3名\\u003cb>\"},"
            + "{\"rule\":\"read.dash\",\"severity\":\"notice\",\"severityLabel\":\"提示\","
            + "\"message\":\"教职工数填的“-”按0计\",\"fields\":[\"info.staff\"],\"cells\":[],"
            + "\"explanation\":null}]";
    private static final List<Finding> FINDINGS = List.of(
            new Finding("info.teachers_le_staff", Severity.ERROR, "专任教师数(57)不能大于教职工数(52)",
                    List.of("info.teachers", "info.staff"),
                    List.of(new CellRef("学校基本情况", "D15"), new CellRef("学校基本情况", "D14")),
                    Optional.empty()),
            new Finding("afterschool.teachers_le_teachers", Severity.WARNING,
                    "参与课后服务教师数多于专任教师数", List.of("afterschool.teachers"),
                    List.of(new CellRef("课后服务", "D6")), Optional.of("含外聘\"退休\"教师\n3名<b>")),
            new Finding("read.dash", Severity.NOTICE, "教职工数填的“-”按0计", List.of("info.staff"),
                    List.of(), Optional.empty()));

    @Test
    void findingsStoredAsABareArrayAreRewrittenWhole(@TempDir Path dir) {
        String url = "jdbc:sqlite:" + dir.resolve("huizong.db");
        SQLiteDataSource ds = new SQLiteDataSource();
        ds.setUrl(url);
        Database.migrations(ds, true).target("1").load().migrate();
        Jdbi.create(ds).useHandle(h -> {
            h.execute("INSERT INTO collections (id, standard_id, title, period, deadline,"
                    + " created_by, created_at) VALUES (1, 'edu-halfyear', '半年报', '2024H1',"
                    + " '2024-07-10', 'admin', 0)");
            h.execute("INSERT INTO schools (id, collection_id, position, code, name, school_type,"
                    + " township, ownership) VALUES (1, 1, 1, '3134000026', '东城镇第二小学', '小学',"
                    + " '东城镇', '公办')");
            h.execute("INSERT INTO return_versions (id, school_id, version_no, file_sha256,"
                    + " file_name, file_size, uploaded_by, uploaded_at, channel, verdict, errors,"
                    + " warnings, unexplained, findings_json) VALUES (1, 1, 1, 'ab', '第一次.xlsx',"
                    + " 10, '学校:3134000026', 0, 'web', 'REJECTED', 1, 1, 0, ?)", OLD);
        });

        try (Database db = Database.open(url)) {
            Clock clock = Clock.systemUTC();
            Audit audit = new Audit(db.jdbi(), clock);
            SchoolRow school = new CollectionStore(db.jdbi(), clock, audit)
                    .findSchool(1, "3134000026").orElseThrow();
            VersionRow v = new ReturnStore(db.jdbi(), clock, audit).state(school).versions()
                    .get(0);
            Validation expected = new Validation("第一次.xlsx", "3134000026",
                    Optional.of(Period.parse("2024H1")), FINDINGS);
            assertThat(v.validation()).isEqualTo(expected);
            assertThat(v.findingsJson()).isEqualTo(FindingReport.fileJson(expected));
        }
    }
}
