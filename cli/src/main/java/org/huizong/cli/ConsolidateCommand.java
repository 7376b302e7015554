package org.huizong.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import com.google.inject.Inject;
import org.huizong.engine.consolidate.Consolidation;
import org.huizong.engine.intake.Intake;
import org.huizong.engine.io.RosterReader;
import org.huizong.engine.model.Collection;
import org.huizong.templates.CountyBooks;
import org.huizong.templates.StandardCollections;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code huizong consolidate}: every file counted, rejected with a reason or listed as a
 * duplicate; the summary line adds up to the number of files given.
 */
@Command(name = "consolidate", mixinStandardHelpOptions = true,
        description = "汇总学校报表，生成县级汇总工作簿（含分类汇总、学校明细、问题清单、报送情况和工作总结）。")
final class ConsolidateCommand implements Callable<Integer> {
    private final Clock clock;

    @Option(names = "--collection", defaultValue = StandardCollections.EDU_HALFYEAR,
            description = "标准报表编号（默认 ${DEFAULT-VALUE}）")
    String collection;

    @Option(names = "--roster", required = true, description = "学校名单 (CSV 或 XLSX)；"
            + "汇总各县区的汇总表时列出各县区：学校类型填“汇总单位”，代码填其汇总表的单位代码")
    Path roster;

    @Option(names = "--previous", description = "上年同期的县级汇总工作簿，用于同比")
    Path previous;

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

    @Parameters(arity = "1..*", paramLabel = "RETURN_OR_DIR", description = "学校报表文件或文件夹")
    List<Path> inputs;

    @Inject
    ConsolidateCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() {
        Collection c = StandardCollections.get(collection);
        Intake intake = Intake.of(c);
        CountyBooks books = CountyBooks.of(intake, RosterReader.of(c).withUnits().read(roster),
                clock).withArea(area);
        if (unitCode != null) {
            books = books.withUnit(new CountyBooks.Unit(unitCode, unitName));
        }
        Consolidation result = books.consolidateFiles(Intake.expand(inputs),
                Optional.ofNullable(previous), includeErrors);
        books.write(result, out);
        System.out.println(result.summary());
        System.out.println("汇总工作簿：" + out.toAbsolutePath());
        return 0;
    }
}
