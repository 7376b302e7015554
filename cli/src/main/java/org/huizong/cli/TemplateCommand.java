package org.huizong.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.huizong.engine.io.RosterReader;
import org.huizong.engine.io.TemplateWriter;
import org.huizong.engine.model.Collection;
import org.huizong.engine.model.Period;
import org.huizong.engine.model.Roster;
import org.huizong.templates.StandardCollections;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code huizong template}: one protected, pre-filled template per school of the roster. */
@Command(name = "template", mixinStandardHelpOptions = true,
        description = "为名单中每所学校生成一份预填、受保护的报表模板。")
final class TemplateCommand implements Callable<Integer> {
    @Option(names = "--collection", defaultValue = StandardCollections.EDU_HALFYEAR,
            description = "标准报表编号（默认 ${DEFAULT-VALUE}）")
    String collection;

    @Option(names = "--period", required = true, description = "报告期，如 2024H1")
    String period;

    @Option(names = "--roster", required = true, description = "学校名单 (CSV 或 XLSX)")
    Path roster;

    @Option(names = "--out", required = true, description = "输出文件夹")
    Path out;

    @Override
    public Integer call() {
        Collection c = StandardCollections.get(collection);
        Period p = Period.parse(period);
        Roster r = RosterReader.of(c).read(roster);
        TemplateWriter writer = TemplateWriter.of(c, p);
        // Each template is written on its own, so the roster is cut into one run of schools a
        // core and the runs written side by side; the reader has checked every school's type,
        // the one check writeAll makes before it writes. Same files, in roster order.
        int runs = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), r.size()));
        List<Path> files = IntStream.range(0, runs).parallel()
                .mapToObj(k -> writer.writeAll(new Roster(r.schools().subList(
                        r.size() * k / runs, r.size() * (k + 1) / runs)), out))
                .flatMap(List::stream).toList();
        System.out.println("已生成 " + files.size() + " 份模板（" + c.title() + "，" + p.label()
                + "）：" + out.toAbsolutePath());
        return 0;
    }
}
