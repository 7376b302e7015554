package org.huizong.cli;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.huizong.engine.HuizongException;
import picocli.CommandLine;

/**
 * Bad input ends in one Chinese line on standard error and exit code 2, never a stack trace: the
 * engine's messages already name the file, sheet and cell.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    static final int BAD_INPUT = 2;

    @Override
    public int handleExecutionException(Exception e, CommandLine cli,
            CommandLine.ParseResult parseResult) throws Exception {
        if (e instanceof HuizongException || e instanceof UncheckedIOException
                || e instanceof IllegalArgumentException) {
            cli.getErr().println("错误: " + e.getMessage());
            return BAD_INPUT;
        }
        throw e;
    }

    /**
     * A command line picocli cannot take: one Chinese line saying what is wrong, the command's
     * usage, exit code 2. picocli's own messages are English, so each kind is worded here.
     */
    static final class BadArguments implements CommandLine.IParameterExceptionHandler {
        @Override
        public int handleParseException(CommandLine.ParameterException e, String[] args) {
            CommandLine cli = e.getCommandLine();
            cli.getErr().println("错误: " + message(e));
            cli.usage(cli.getErr());
            return BAD_INPUT;
        }

        static String message(CommandLine.ParameterException e) {
            if (e instanceof CommandLine.MissingParameterException m) {
                List<String> names = new ArrayList<>();
                for (CommandLine.Model.ArgSpec a : m.getMissing()) {
                    names.add(name(a));
                }
                return "缺少必填的" + String.join("、", names);
            }
            if (e instanceof CommandLine.UnmatchedArgumentException u) {
                return "不认识的命令或参数：" + String.join(" ", u.getUnmatched())
                        + "（huizong --help 列出全部命令）";
            }
            if (e instanceof CommandLine.OverwrittenOptionException o) {
                return name(o.getOverwritten()) + " 只能给一次";
            }
            if (e.getArgSpec() != null && e.getValue() != null) {
                return name(e.getArgSpec()) + " 的值“" + e.getValue() + "”无效";
            }
            if (e.getValue() != null) {
                return "参数“" + e.getValue() + "”无效";
            }
            return "命令行参数不完整或有误";
        }

        private static String name(CommandLine.Model.ArgSpec a) {
            return a instanceof CommandLine.Model.OptionSpec o ? "选项 " + o.longestName()
                    : "参数 " + a.paramLabel();
        }
    }
}
