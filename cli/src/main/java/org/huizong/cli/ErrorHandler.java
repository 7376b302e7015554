package org.huizong.cli;

import java.io.UncheckedIOException;
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
}
