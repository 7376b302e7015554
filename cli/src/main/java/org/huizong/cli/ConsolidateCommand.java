package org.huizong.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import com.google.inject.Inject;
import org.huizong.engine.consolidate.Completeness;
import org.huizong.engine.consolidate.Consolidation;
import org.huizong.engine.consolidate.FileOutcome;
import org.huizong.engine.consolidate.PreviousPeriod;
import org.huizong.engine.findings.ConsolidationReport;
import org.huizong.engine.findings.TotalsReport;
import org.huizong.engine.model.Collection;
import org.huizong.engine.model.Period;
import org.huizong.engine.model.Return;
import org.huizong.engine.model.Roster;
import org.huizong.engine.pipeline.Intake;
import org.huizong.engine.pipeline.Pipeline;
import org.huizong.engine.report.TotalsTable;
import org.huizong.engine.roster.RosterReader;
import org.huizong.templates.CollectionDefinition;
import org.huizong.templates.StandardCollections;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code huizong consolidate}: every file counted, rejected with a reason or listed as a
 * duplicate; the summary line adds up to the number of files given. Exit 0 when every file is
 * in the totals, 1 when some were left out (the book is still written), 2 when nothing could be
 * consolidated (no book).
 */
@Command(name = "consolidate", mixinStandardHelpOptions = true,
        description = "汇总学校报表，生成县级汇总工作簿（含分类汇总、学校明细、问题清单、报送情况和工作总结）。"
                + "退出码：0 所有文件均已计入，1 有文件未计入（仍生成汇总工作簿），2 没有可汇总的报表（不生成），"
                + "3 内存不足（汇总工作簿写完整后才替换原文件，原文件不受损）。")
final class ConsolidateCommand implements Callable<Integer> {
    /** Some file was left out of the totals; the book was written. */
    static final int LEFT_OUT = 1;

    enum Format { text, json }

    private final Clock clock;

    @Option(names = "--format", defaultValue = "text",
            description = "输出格式：text 或 json（各文件的计入情况，见 docs/consolidate-json.md）")
    Format format;

    @Option(names = "--collection", defaultValue = StandardCollections.EDU_HALFYEAR,
            description = "报表：内置编号（默认 ${DEFAULT-VALUE}）或 .xlsx/.yaml 定义文件的路径")
    String collection;

    @Option(names = "--roster", required = true, description = "学校名单 (CSV 或 XLSX)；"
            + "汇总各县区的汇总表时列出各县区：学校类型填“汇总单位”，代码填其汇总表的单位代码")
    Path roster;

    @Option(names = "--previous", description = "上年同期的汇总工作簿：用于同比（学校不同时按可比口径），"
            + "并按其中的逐校数据运行与上年同期比较的规则（如变化超过50%%）")
    Path previous;

    @Option(names = "--previous-collection", description = "上年同期汇总表所用的报表定义（内置编号或"
            + " .xlsx/.yaml 文件），报表改版后用：按字段编号比较，两版都有的字段计算同比，新增字段没有同比")
    String previousCollection;

    @Option(names = "--include-errors", description = "把有错误的报表也计入汇总（仍列入问题清单）")
    boolean includeErrors;

    @Option(names = "--unit-code", description = "本单位代码（6到12位数字），写入汇总表，供上级汇总时识别")
    String unitCode;

    @Option(names = "--unit-name", defaultValue = "本县", description = "本单位名称（默认 ${DEFAULT-VALUE}）")
    String unitName;

    @Option(names = "--area", defaultValue = "县", description = "区域用字（默认 ${DEFAULT-VALUE}）："
            + "县 写作“全县汇总”“全县”“我县”；汇总各县区时用 市 或 区")
    String area;

    @Option(names = "--out", required = true, description = "输出的汇总工作簿 (.xlsx)")
    Path out;

    @Option(names = "--docx", description = "公文格式的工作总结 (.docx)；默认与汇总工作簿同名加“-工作总结”")
    Path docx;

    @Option(names = "--totals", description = "另存全部汇总数供其他系统使用：.csv（UTF-8）或 .json；"
            + "精确数，含上年同期及同比口径")
    Path totals;

    @Parameters(arity = "1..*", paramLabel = "RETURN_OR_DIR", description = "学校报表文件或文件夹")
    List<Path> inputs;

    @Inject
    ConsolidateCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() {
        CollectionDefinition definition = CollectionDefinition.of(collection);
        Collection c = definition.collection();
        Roster schools = RosterReader.of(c).withUnits().read(roster);
        Intake plain = Intake.of(c);
        Intake older = previousCollection == null ? plain
                : Intake.of(CollectionDefinition.of(previousCollection).collection());
        Optional<Return> book = Optional.ofNullable(previous).map(older::read);
        Intake intake = book.map(plain::withPrevious).orElse(plain);
        intake.previousRulesUnavailable().ifPresent(why -> System.err.println("注意: " + why
                + "，也不列同比"));
        Pipeline books = Pipeline.of(c, definition.narrative(), clock).withArea(area)
                .includeWithErrors(includeErrors).withPrevious(book);
        if (unitCode != null) {
            books = books.withUnit(new Pipeline.Unit(unitCode, unitName));
        }
        Pipeline.Fold folded = books.fold(schools, intake.read(Intake.expand(inputs), schools));
        Optional<Period> period = folded.period();
        if (period.isEmpty()) {
            Completeness refused = folded.refusals();
            return nothingCounted(period, refused, FileOutcome.of(refused, List.of()));
        }

        Consolidation result = folded.consolidation();
        Optional<PreviousPeriod> wrong = result.previous()
                .filter(p -> p.basis() == PreviousPeriod.Basis.WRONG_PERIOD);
        if (wrong.isPresent()) {
            System.err.println("错误: --previous " + wrong.get().note() + "。请提供"
                    + result.period().yearBefore().label() + "的汇总工作簿，或不指定 --previous");
            return ErrorHandler.BAD_INPUT;
        }
        if (result.completeness().counted() == 0) {
            return nothingCounted(period, result.completeness(), result.files());
        }
        books.write(result, out);
        Path summary = docx != null ? docx : summaryBeside(out);
        books.writeSummary(result, summary);
        if (totals != null) {
            writeTotals(result, totals);
        }
        print(period, result.completeness(), result.files(), new ConsolidationReport.Outputs(
                Optional.of(out.toAbsolutePath().toString()),
                Optional.of(summary.toAbsolutePath().toString()),
                result.previous().map(PreviousPeriod::note)));
        return result.countsEveryFile() ? 0 : LEFT_OUT;
    }

    /** Nothing to put in a book: every file's outcome, no book, exit 2. */
    private int nothingCounted(Optional<Period> period, Completeness done,
            List<FileOutcome> files) {
        print(period, done, files, ConsolidationReport.Outputs.NONE);
        System.err.println("错误: 没有可计入汇总的报表，未生成汇总工作簿" + (files.isEmpty()
                ? "（没有找到报表文件）" : ""));
        return ErrorHandler.BAD_INPUT;
    }

    private void print(Optional<Period> period, Completeness done, List<FileOutcome> files,
            ConsolidationReport.Outputs outputs) {
        if (format == Format.json) {
            System.out.print(ConsolidationReport.json(period, done, files, outputs));
            return;
        }
        System.out.print(ConsolidationReport.text(done, files));
        outputs.comparison().ifPresent(System.out::println);
        outputs.book().ifPresent(b -> System.out.println("汇总工作簿：" + b));
        outputs.document().ifPresent(d -> System.out.println("工作总结：" + d));
        if (totals != null && format != Format.json && outputs.book().isPresent()) {
            System.out.println("汇总数：" + totals.toAbsolutePath());
        }
    }

    /** Every total, as JSON for a {@code .json} file and as CSV otherwise. */
    private static void writeTotals(Consolidation result, Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        byte[] bytes = name.endsWith(".json")
                ? TotalsReport.json(result).getBytes(StandardCharsets.UTF_8)
                : TotalsTable.of(result).toCsv();
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("无法写入汇总数 " + file + "：" + e.getMessage(), e);
        }
    }

    /** {@code 县汇总.xlsx} → {@code 县汇总-工作总结.docx} in the same folder. */
    static Path summaryBeside(Path book) {
        String name = book.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return book.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + "-工作总结.docx");
    }
}
