package org.huizong.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import com.google.inject.Inject;
import org.huizong.templates.demo.DemoWorkspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code huizong demo}: the demo county end to end, on the embedded roster and totals. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "示范县全流程：61所学校的模板、已填报表、上年同期汇总表和本期汇总工作簿。")
final class DemoCommand implements Callable<Integer> {
    private final Clock clock;

    @Option(names = "--out", defaultValue = "huizong-demo",
            description = "输出文件夹（默认 ${DEFAULT-VALUE}）")
    Path out;

    @Inject
    DemoCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() {
        DemoWorkspace.Result r = DemoWorkspace.create(out, clock);
        System.out.print(r.describe());
        return 0;
    }
}
