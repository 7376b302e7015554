package org.huizong.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on standard error while long work runs at a terminal (templates for 300
 * schools, the demo, consolidating a county); nothing at all when the output is piped or
 * redirected, so scripts and logs see only the result. Thread-safe.
 */
final class Progress implements AutoCloseable {
    private final ProgressBar bar;

    private Progress(ProgressBar bar) {
        this.bar = bar;
    }

    /** A bar for {@code total} steps named {@code task}, or a silent one off a terminal. */
    static Progress of(String task, int total) {
        if (System.console() == null || total <= 1) {
            return new Progress(null);
        }
        return new Progress(new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII).setUnit(" 所", 1).showSpeed()
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).build());
    }

    void step() {
        if (bar != null) {
            bar.step();
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
