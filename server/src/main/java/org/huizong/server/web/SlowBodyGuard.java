package org.huizong.server.web;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.NanoTime;

/**
 * Fails a request whose body arrives slower than {@link Limits#minBytesPerSecond()}, averaged
 * from the request's start, after a grace of {@link #GRACE_SECONDS} seconds: a client that
 * trickles a body holds a request thread for seconds instead of minutes. Checked, per request,
 * whenever the body is read or more of it is waited for; a client that sends nothing at all is
 * ended by the idle timeout. (Jetty 12's own {@code MinimumDataRateHandler} measures the rate of
 * all requests together, so one busy upload would hide every slow one.)
 */
final class SlowBodyGuard extends Handler.Wrapper {
    static final long GRACE_SECONDS = 2;
    private final long minBytesPerSecond;

    SlowBodyGuard(Handler handler, long minBytesPerSecond) {
        super(handler);
        this.minBytesPerSecond = minBytesPerSecond;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback)
            throws Exception {
        if (minBytesPerSecond <= 0) {
            return super.handle(request, response, callback);
        }
        return super.handle(new Measured(request), response, callback);
    }

    /** The request with its body's bytes counted; not thread-safe, as reads are not. */
    private final class Measured extends Request.Wrapper {
        private final long start = NanoTime.now();
        private long bytes;
        private Content.Chunk failure;

        Measured(Request request) {
            super(request);
        }

        @Override
        public Content.Chunk read() {
            if (failure != null) {
                return failure;
            }
            Content.Chunk chunk = super.read();
            if (chunk == null || Content.Chunk.isFailure(chunk)) {
                return chunk;
            }
            bytes += chunk.remaining();
            if (!chunk.isLast() && tooSlow()) {
                chunk.release();
                return failure;
            }
            return chunk;
        }

        @Override
        public void demand(Runnable demandCallback) {
            if (failure != null || tooSlow()) {
                demandCallback.run();
                return;
            }
            super.demand(demandCallback);
        }

        /** Whether the body is behind the minimum rate; if so, remembers the failure. */
        private boolean tooSlow() {
            long millis = TimeUnit.NANOSECONDS.toMillis(NanoTime.since(start))
                    - TimeUnit.SECONDS.toMillis(GRACE_SECONDS);
            if (millis <= 0 || bytes >= minBytesPerSecond * millis / 1000) {
                return false;
            }
            failure = Content.Chunk.from(new TimeoutException("request body rate is too low: "
                    + bytes + " bytes in " + TimeUnit.NANOSECONDS.toSeconds(NanoTime.since(start))
                    + " s, below " + minBytesPerSecond + " bytes/s"), true);
            return true;
        }
    }
}
