package org.huizong.cli;

import com.google.inject.Guice;
import java.util.Locale;
import java.util.ResourceBundle;
import com.google.inject.Injector;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the huizong executable. */
@Command(name = "huizong", mixinStandardHelpOptions = true, version = "huizong 0.1.0",
        description = "汇总：县教育局半年报表的模板、校验、汇总与报告。",
        subcommands = {TemplateCommand.class, ValidateCommand.class, ConsolidateCommand.class,
            CollectionCommand.class, DemoCommand.class, ServeCommand.class,
            CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    /** The exit code of a run that ran out of memory. */
    static final int OUT_OF_MEMORY = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        int code;
        try {
            code = run(args);
        } catch (OutOfMemoryError e) {
            // what was being built is unreachable now, so there is room to say so, in Chinese
            System.err.println("错误: 内存不足，未能完成。请给 Java 更多内存后重试，例如："
                    + "JAVA_OPTS=-Xmx2g huizong " + String.join(" ", args));
            code = OUT_OF_MEMORY;
        }
        System.exit(code);
    }

    /** Runs a command line and returns its exit code, without exiting (for tests). */
    public static int run(String... args) {
        Injector injector = Guice.createInjector(new CliModule());
        CommandLine cli = new CommandLine(Main.class, new GuiceFactory(injector));
        cli.setResourceBundle(ResourceBundle.getBundle("org.huizong.cli.Messages", Locale.ROOT));
        cli.setExecutionExceptionHandler(new ErrorHandler());
        cli.setParameterExceptionHandler(new ErrorHandler.BadArguments());
        return cli.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
