package org.huizong.templates.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.huizong.engine.consolidate.Consolidation;
import org.huizong.engine.model.Collection;
import org.huizong.engine.model.Period;
import org.huizong.engine.model.Return;
import org.huizong.engine.model.Roster;
import org.huizong.engine.narrative.Paragraph;
import org.huizong.engine.pipeline.Intake;
import org.huizong.engine.pipeline.Pipeline;
import org.huizong.engine.template.TemplateWriter;
import org.huizong.templates.StandardCollections;

/**
 * Lays out the demo county in a folder, as a bureau would have it at the end of a collection:
 * the roster, blank templates, the schools' filled returns of this and last year, last year's
 * consolidated book and this year's, and the summary text.
 */
public final class DemoWorkspace {
    private DemoWorkspace() {
    }

    /**
     * Where everything went.
     *
     * @param summary the consolidation's one-line count of files
     */
    public record Result(Path dir, Path roster, Path templates, Path returns,
            Path previousReturns, Path previousBook, Path book, Path narrative, Path document,
            String summary, Path safetyReturns, Path safetyBook, String safetySummary) {

        /** What the command line prints. */
        public String describe() {
            return "示范县（61所学校，" + DemoCounty.PERIOD.label() + "）已生成：\n"
                    + "  学校名单        " + roster + "\n"
                    + "  空白模板        " + templates + "\n"
                    + "  本期学校报表    " + returns + "\n"
                    + "  上年同期报表    " + previousReturns + "\n"
                    + "  上年同期汇总表  " + previousBook + "\n"
                    + "  本期汇总工作簿  " + book + "   ← 先打开这个\n"
                    + "  工作总结        " + document + "（公文格式）\n"
                    + "  工作总结文字    " + narrative + "\n"
                    + summary + "\n"
                    + "学校安全工作月报（" + SafetyDemo.MAY.label() + "）：\n"
                    + "  学校月报        " + safetyReturns + "\n"
                    + "  月报汇总工作簿  " + safetyBook + "\n"
                    + safetySummary + "\n";
        }
    }

    public static Result create(Path dir, Clock clock) {
        Collection c = StandardCollections.eduHalfyear();
        Roster roster = DemoCounty.roster();
        Period now = DemoCounty.PERIOD;
        Period before = now.yearBefore();
        Path rosterFile = dir.resolve("schools.csv");
        Path templates = dir.resolve("模板-" + now);
        Path returns = dir.resolve("报表-" + now);
        Path previousReturns = dir.resolve("报表-" + before);
        Path previousBook = dir.resolve("县汇总-" + before + ".xlsx");
        Path book = dir.resolve("县汇总-" + now + ".xlsx");
        Path narrative = dir.resolve("工作总结-" + now + ".txt");
        Path document = dir.resolve("工作总结-" + now + ".docx");
        try {
            Files.createDirectories(dir);
            Files.writeString(rosterFile, DemoFiles.text("schools.csv"), StandardCharsets.UTF_8);
            TemplateWriter.of(c, now).writeAll(roster, templates);
            FileTime saved = FileTime.from(clock.instant());
            writeReturns(TemplateWriter.of(c, now), DemoCounty.returns(), returns, saved);
            writeReturns(TemplateWriter.of(c, before), DemoCounty.previousReturns(),
                    previousReturns, saved);
            Intake intake = Intake.of(c);
            Pipeline books = Pipeline.of(c, StandardCollections.narrative(c), clock)
                    .withUnit(new Pipeline.Unit(DemoCounty.UNIT_CODE, DemoCounty.UNIT_NAME));
            Consolidation last = books.consolidate(roster, intake.submissions(
                    Intake.expand(List.of(previousReturns)), roster));
            books.write(last, previousBook);
            Return lastYear = intake.read(previousBook);
            books = books.withPrevious(Optional.of(lastYear));
            Consolidation current = books.consolidate(roster, intake.withPrevious(lastYear)
                    .submissions(Intake.expand(List.of(returns)), roster));
            books.write(current, book);
            StringBuilder text = new StringBuilder();
            for (Paragraph p : books.narrative(current)) {
                text.append(p.text()).append("\n\n");
            }
            Files.writeString(narrative, text.toString(), StandardCharsets.UTF_8);
            books.writeSummary(current, document);
            SafetyDemo.Output safety = SafetyDemo.write(dir, roster, clock, saved);
            return new Result(dir, rosterFile, templates, returns, previousReturns, previousBook,
                    book, narrative, document, current.summary(), safety.returns(),
                    safety.book(), safety.summary());
        } catch (IOException e) {
            throw new UncheckedIOException("无法写入示范县文件夹 " + dir, e);
        }
    }

    /**
     * Writes the schools' returns, each stamped {@code saved}: the status sheet shows a file's
     * time, and the same clock (SOURCE_DATE_EPOCH) must give the same books.
     */
    private static void writeReturns(TemplateWriter writer, List<DemoCounty.SchoolData> data,
            Path dir, FileTime saved) throws IOException {
        Files.createDirectories(dir);
        data.parallelStream().forEach(d -> {
            try {
                Path file = dir.resolve(TemplateWriter.fileName(d.school()));
                Files.write(file, writer.toBytes(d.school(), d.toReturnData()));
                Files.setLastModifiedTime(file, saved);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
