package org.huizong.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.huizong.engine.HuizongException;
import org.huizong.engine.model.Collection;
import org.huizong.engine.model.Field;
import org.huizong.engine.model.Rule;
import org.huizong.engine.model.Severity;
import org.huizong.engine.model.Sheet;
import org.huizong.engine.spec.DefinitionCheck;
import org.huizong.templates.CollectionDefinition;
import org.huizong.templates.StandardCollections;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code huizong collection}: a collection definition as a workbook a statistician edits
 * ({@code export}), checked with every problem named ({@code check}), and summarised
 * ({@code show}).
 */
@Command(name = "collection", mixinStandardHelpOptions = true,
        description = "报表定义：导出为 Excel 定义工作簿、检查定义文件、查看定义摘要。",
        subcommands = {CollectionCommand.Export.class, CollectionCommand.Check.class,
            CollectionCommand.Show.class})
final class CollectionCommand implements Runnable {
    /** Exit code of {@code check} when the definition has problems. */
    static final int PROBLEMS = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** {@code collection export ID|FILE --out DEF.xlsx}. */
    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "把报表定义写成 Excel 定义工作簿（设置、字段、表格、选项、规则、指标、总结），可在 Excel 中修改后再用。")
    static final class Export implements Callable<Integer> {
        @Parameters(paramLabel = "ID_OR_FILE",
                description = "内置报表编号（如 " + StandardCollections.EDU_HALFYEAR
                        + "）或 .yaml/.xlsx 定义文件")
        String collection;

        @Option(names = "--out", required = true, description = "输出的定义工作簿 (.xlsx)")
        Path out;

        @Override
        public Integer call() {
            CollectionDefinition d = CollectionDefinition.of(collection);
            try {
                Files.write(out, d.toWorkbook(out.getFileName().toString()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            System.out.println("已导出报表定义（" + d.collection().title() + "，" + d.collection()
                    .id() + " 第" + d.collection().version() + "版）：" + out.toAbsolutePath());
            return 0;
        }
    }

    /** {@code collection check FILE}: exit 0 sound, 1 problems, 2 unreadable. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "检查报表定义文件（.xlsx 或 .yaml），列出每个问题及其位置（工作表!单元格 或 文件:行）。"
                    + "无问题退出码 0，有问题 1，无法读取 2。")
    static final class Check implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", description = "定义文件 (.xlsx 或 .yaml)")
        Path file;

        @Override
        public Integer call() {
            if (!Files.isRegularFile(file)) {
                throw new HuizongException("找不到定义文件 " + file);
            }
            DefinitionCheck check = CollectionDefinition.check(file);
            if (check.collection().isEmpty()) {
                System.out.println(file.getFileName() + " 有问题：");
                System.out.println(check.report());
                return PROBLEMS;
            }
            Collection c = check.getCollection();
            System.out.println(file.getFileName() + " 没有问题：" + c.title() + "（" + c.id()
                    + " 第" + c.version() + "版，" + c.periodKind().label() + "），字段 "
                    + c.allFields().size() + " 个，规则 " + c.rules().size() + " 条。");
            return 0;
        }
    }

    /** {@code collection show ID|FILE}. */
    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "显示报表定义摘要：报告期类型、学校类型、各工作表的字段、规则、指标、总结段落。")
    static final class Show implements Callable<Integer> {
        @Parameters(paramLabel = "ID_OR_FILE", description = "内置报表编号或 .yaml/.xlsx 定义文件")
        String collection;

        @Override
        public Integer call() {
            CollectionDefinition d = CollectionDefinition.of(collection);
            Collection c = d.collection();
            StringBuilder sb = new StringBuilder();
            sb.append(c.title()).append("（").append(c.id()).append(" 第").append(c.version())
                    .append("版，结构校验码 ").append(c.structureHash()).append("）\n");
            sb.append("报告期类型：").append(c.periodKind().label()).append("，如 ")
                    .append(c.periodKind().example()).append('\n');
            sb.append("学校类型：").append(String.join("、", c.schoolTypes())).append('\n');
            c.groups().forEach((g, m) -> sb.append("分组 ").append(g).append("：")
                    .append(String.join("、", m)).append('\n'));
            for (Sheet s : c.sheets()) {
                sb.append("工作表 ").append(s.title()).append("（").append(s.id()).append("）：字段 ")
                        .append(s.fields().size()).append(" 个");
                long required = s.fields().stream().filter(Field::required).count();
                if (required > 0) {
                    sb.append("，必填 ").append(required).append(" 个");
                }
                s.table().ifPresent(t -> sb.append("，表格 ").append(t.id()).append(" ")
                        .append(t.rows()).append(" 行 × ").append(t.columns().size()).append(" 列"));
                sb.append('\n');
            }
            long errors = c.rules().stream().filter(r -> r.severity() == Severity.ERROR).count();
            sb.append("规则：").append(c.rules().size()).append(" 条（错误 ").append(errors)
                    .append("，警告 ").append(c.rules().size() - errors).append("）");
            long special = c.rules().stream().filter(r -> r.scope() != Rule.Scope.RETURN).count();
            if (special > 0) {
                sb.append("，其中 ").append(special).append(" 条比较上期或其他学校");
            }
            sb.append('\n');
            sb.append("指标：").append(c.indicators().size()).append(" 个");
            c.indicators().forEach(i -> sb.append("\n  ").append(i.label()).append(" = ")
                    .append(i.expression()));
            sb.append('\n');
            sb.append("总结：").append(d.narrative().sectionTitles().size()).append(" 段");
            d.narrative().sectionTitles().forEach(t -> sb.append("\n  ").append(t));
            System.out.println(sb);
            return 0;
        }
    }
}
