package org.huizong.templates.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.util.List;
import org.huizong.engine.consolidate.Consolidation;
import org.huizong.engine.model.Collection;
import org.huizong.engine.model.Period;
import org.huizong.engine.model.Roster;
import org.huizong.engine.model.School;
import org.huizong.engine.model.Value;
import org.huizong.engine.pipeline.Intake;
import org.huizong.engine.pipeline.Pipeline;
import org.huizong.engine.template.ReturnData;
import org.huizong.engine.template.TemplateWriter;
import org.huizong.templates.CollectionDefinition;
import org.huizong.templates.StandardCollections;

/**
 * The demo county's May 2024 学校安全工作月报: a return from every school, figures that follow the
 * collection's rules (one school reports an incident, with its note; one explains a hazard it
 * neither fixed nor reported), and the county's monthly book, through the same pipeline.
 */
final class SafetyDemo {
    static final Period MAY = Period.parse("2024-05");

    /**
     * Where the monthly files are.
     *
     * @param returns the schools' returns
     * @param book the county's monthly book
     * @param summary the consolidation's one-line summary
     */
    record Output(Path returns, Path book, String summary) {
    }

    private SafetyDemo() {
    }

    static Output write(Path dir, Roster roster, Clock clock, FileTime saved) throws IOException {
        CollectionDefinition def = CollectionDefinition.of(StandardCollections.SAFETY_MONTHLY);
        Collection c = def.collection();
        Path returns = dir.resolve("安全月报-" + MAY);
        Path book = dir.resolve("县安全月报汇总-" + MAY + ".xlsx");
        Files.createDirectories(returns);
        TemplateWriter writer = TemplateWriter.of(c, MAY);
        List<School> schools = roster.schools();
        for (int i = 0; i < schools.size(); i++) {
            School s = schools.get(i);
            Path file = returns.resolve(TemplateWriter.fileName(s));
            Files.write(file, writer.toBytes(s, figures(i, s)));
            Files.setLastModifiedTime(file, saved);
        }
        Intake intake = Intake.of(c);
        Pipeline pipeline = Pipeline.of(c, def.narrative(), clock).withPeriod(MAY)
                .withUnit(new Pipeline.Unit(DemoCounty.UNIT_CODE, DemoCounty.UNIT_NAME));
        Consolidation result = pipeline.consolidate(roster,
                intake.submissions(Intake.expand(List.of(returns)), roster));
        pipeline.write(result, book);
        return new Output(returns, book, result.summary());
    }

    /** School {@code i}'s May figures: small, varied, and within every rule. */
    static ReturnData figures(int i, School s) {
        int found = 2 + i % 5;
        int reported = i % 4 == 0 ? 1 : 0;
        boolean leftOpen = i == 7;
        int fixed = found - reported - (leftOpen ? 1 : 0);
        int drills = 1 + i % 2;
        ReturnData d = ReturnData.empty()
                .with("info.head", Value.of("安全专干" + (i + 1)))
                .with("info.phone", Value.of("0555-66" + String.format("%05d", 1000 + i)))
                .with("hazards.found", Value.of(found)).with("hazards.fixed", Value.of(fixed))
                .with("hazards.reported", Value.of(reported))
                .with("drills.count", Value.of(drills))
                .with("drills.participants", Value.of(drills * (120 + 37L * (i % 11))))
                .with("lessons", Value.of(4 + i % 6)).with("food.checks", Value.of(1 + i % 3))
                .with("guards.on_duty", Value.of(1 + i % 3))
                .with("incidents.count", Value.of(i == 12 ? 1 : 0));
        if (i == 12) {
            d = d.with("incidents.note", Value.of("5月14日体育课一名学生扭伤脚踝，已送医并通知家长，"
                    + "无其他人员受伤"));
        }
        if (leftOpen) {
            d = d.withExplanation("hazards.unhandled", "1项为围墙加固，需暑期施工，已列入计划");
        }
        return d;
    }
}
