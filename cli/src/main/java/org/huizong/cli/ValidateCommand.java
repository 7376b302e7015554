package org.huizong.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.huizong.engine.findings.FindingReport;
import org.huizong.engine.pipeline.Intake;
import org.huizong.engine.rules.Validation;
import org.huizong.templates.CollectionDefinition;
import org.huizong.templates.StandardCollections;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code huizong validate}: every finding of every file, numbered, with sheet and cell. Exit 0
 * when no file has an error, 1 when some has, 2 when some file cannot be read as a return.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "校验学校报表，列出每个问题所在的工作表和单元格。"
                + "退出码：0 无错误，1 有错误，2 有文件无法读取。")
final class ValidateCommand implements Callable<Integer> {
    enum Format { text, json }

    @Option(names = "--format", defaultValue = "text", description = "text 或 json")
    Format format;

    @Option(names = "--collection", defaultValue = StandardCollections.EDU_HALFYEAR,
            description = "报表：内置编号（默认 ${DEFAULT-VALUE}）或 .yaml 定义文件的路径")
    String collection;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "报表文件或文件夹")
    List<Path> files;

    @Override
    public Integer call() {
        Intake intake = Intake.of(CollectionDefinition.of(collection).collection());
        List<Intake.Outcome> outcomes = Intake.expand(files).parallelStream()
                .map(f -> intake.validate(f, Optional.empty())).toList();
        List<Validation> validations = outcomes.stream().map(Intake.Outcome::validation).toList();
        System.out.print(format == Format.json ? FindingReport.json(validations)
                : FindingReport.text(validations));
        if (outcomes.stream().anyMatch(o -> !o.readable())) {
            return ErrorHandler.BAD_INPUT;
        }
        return validations.stream().anyMatch(Validation::hasErrors) ? 1 : 0;
    }
}
