package org.huizong.server.web;

import java.io.EOFException;
import java.nio.channels.ClosedChannelException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * Tells the client's faults (a connection reset or closed mid-body, a body arriving too slowly,
 * an idle timeout) from the server's own failures, so the first are logged as one line and the
 * second with their stack trace.
 */
final class ClientFaults {
    private ClientFaults() {
    }

    /** Why the client failed the request, in a few words; empty when the server failed. */
    static Optional<String> reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (t instanceof TimeoutException || m.contains("rate is too low")
                    || m.contains("idle timeout")) {
                return Optional.of("超时或过慢：" + t.getMessage());
            }
            if (t instanceof EOFException || t instanceof ClosedChannelException
                    || t.getClass().getName().equals("org.eclipse.jetty.io.EofException")
                    || m.contains("connection reset") || m.contains("broken pipe")
                    || m.contains("early eof")) {
                return Optional.of("连接中断：" + t.getClass().getSimpleName());
            }
        }
        return Optional.empty();
    }
}
