package org.huizong.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.huizong.engine.findings.FindingReport;
import org.huizong.engine.model.Period;
import org.huizong.engine.model.Return;
import org.huizong.engine.pipeline.Intake;
import org.huizong.engine.rules.Validation;
import org.huizong.templates.CollectionDefinition;
import org.huizong.templates.StandardCollections;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code huizong validate}: every finding of every file, numbered, with sheet and cell. Exit 0
 * when no file has an error, 1 when some has, 2 when some file cannot be read as a return (or
 * the previous book cannot serve). With {@code --previous}, the rules that compare a school with
 * its previous return run too, from that book's per-school detail.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "校验学校报表，列出每个问题所在的工作表和单元格。"
                + "退出码：0 无错误，1 有错误，2 有文件无法读取。")
final class ValidateCommand implements Callable<Integer> {
    enum Format { text, json }

    @Option(names = "--format", defaultValue = "text", description = "text 或 json")
    Format format;

    @Option(names = "--collection", defaultValue = StandardCollections.EDU_HALFYEAR,
            description = "报表：内置编号（默认 ${DEFAULT-VALUE}）或 .xlsx/.yaml 定义文件的路径")
    String collection;

    @Option(names = "--previous", description = "上年同期的汇总工作簿：按其中的逐校数据运行与上年同期比较的规则"
            + "（如变化超过50%%）")
    Path previous;

    @Option(names = {"-v", "--verbose"}, description = "也列出未发现问题的文件（默认只列有问题的文件）")
    boolean verbose;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "报表文件或文件夹")
    List<Path> files;

    @Override
    public Integer call() {
        Intake plain = Intake.of(CollectionDefinition.of(collection).collection());
        Optional<Return> book = Optional.ofNullable(previous).map(plain::read);
        Intake intake = book.map(plain::withPrevious).orElse(plain);
        Optional<String> unavailable = intake.previousRulesUnavailable();
        if (unavailable.isPresent()) {
            System.err.println("错误: " + unavailable.get() + "；请用本系统按上年同期报表重新汇总");
            return ErrorHandler.BAD_INPUT;
        }
        List<Intake.Outcome> outcomes = Intake.expand(files).parallelStream()
                .map(intake::validate).toList();
        List<Validation> validations = outcomes.stream().map(Intake.Outcome::validation).toList();
        book.ifPresent(b -> notCompared(b, validations));
        System.out.print(format == Format.json ? FindingReport.json(validations)
                : FindingReport.text(validations, verbose));
        if (outcomes.stream().anyMatch(o -> !o.readable())) {
            return ErrorHandler.BAD_INPUT;
        }
        return validations.stream().anyMatch(Validation::hasErrors) ? 1 : 0;
    }

    /** Names on standard error the returns the book is not the year before of. */
    private static void notCompared(Return book, List<Validation> validations) {
        Period before = book.meta().period();
        Period after = before.yearAfter();
        List<String> others = validations.stream().filter(v -> v.period()
                .filter(p -> !p.equals(after)).isPresent())
                .map(Validation::file).toList();
        if (!others.isEmpty()) {
            System.err.println("注意: 上年同期汇总表 " + book.file() + " 是" + before.label()
                    + "的，" + String.join("、", others) + " 不是" + after.label()
                    + "的报表，未运行与上年同期比较的规则");
        }
    }
}
