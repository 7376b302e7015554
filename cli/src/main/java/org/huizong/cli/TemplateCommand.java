package org.huizong.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.huizong.engine.model.Collection;
import org.huizong.engine.model.Period;
import org.huizong.engine.model.Roster;
import org.huizong.engine.roster.RosterReader;
import org.huizong.engine.template.TemplateWriter;
import org.huizong.templates.CollectionDefinition;
import org.huizong.templates.StandardCollections;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code huizong template}: one protected, pre-filled template per school of the roster. */
@Command(name = "template", mixinStandardHelpOptions = true,
        description = "为名单中每所学校生成一份预填、受保护的报表模板。")
final class TemplateCommand implements Callable<Integer> {
    @Option(names = "--collection", defaultValue = StandardCollections.EDU_HALFYEAR,
            description = "报表：内置编号（默认 ${DEFAULT-VALUE}）或 .xlsx/.yaml 定义文件的路径")
    String collection;

    @Option(names = "--period", required = true, description = "报告期，如 2024H1")
    String period;

    @Option(names = "--roster", required = true, description = "学校名单 (CSV 或 XLSX)")
    Path roster;

    @Option(names = "--out", required = true, description = "输出文件夹")
    Path out;

    @Override
    public Integer call() {
        Collection c = CollectionDefinition.of(collection).collection();
        Period p = Period.parse(period);
        Roster r = RosterReader.of(c).read(roster);
        List<Path> files;
        try (Progress progress = Progress.of("生成模板", r.size())) {
            files = TemplateWriter.of(c, p).writeAll(r, out, s -> progress.step());
        }
        System.out.println("已生成 " + files.size() + " 份模板（" + c.title() + "，" + p.label()
                + "）：" + out.toAbsolutePath());
        return 0;
    }
}
