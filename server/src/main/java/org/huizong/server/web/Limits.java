package org.huizong.server.web;

import java.time.Duration;

/**
 * The server's limits against slow, many or abusive clients (docs/server.md, "Limits"). The
 * defaults suit a county bureau's deadline rush on a small server; tests lower them to see each
 * limit act.
 *
 * @param readers returns read and validated at once (the CPU- and memory-bound part of an
 *     upload or check); at least 1
 * @param waiting requests allowed to wait for a reader; beyond it, 503 at once
 * @param waitAtMost how long a request waits for a reader before 503
 * @param minBytesPerSecond the slowest a request body may arrive, averaged from its first read
 * @param idleTimeout how long a connection may send nothing, mid-request or between requests
 * @param acceptQueue the listen backlog: connections the kernel holds until accepted
 * @param threads the most request threads (a thread waits while a body arrives)
 * @param stopTimeout how long a stopping server lets requests in flight finish
 * @param anonymousPerMinute checks without a school's secret one address may ask for in a
 *     minute (a school's own checks and uploads carry its secret and are not counted)
 */
public record Limits(int readers, int waiting, Duration waitAtMost, long minBytesPerSecond,
        Duration idleTimeout, int acceptQueue, int threads, Duration stopTimeout,
        int anonymousPerMinute) {

    public Limits {
        if (readers < 1 || waiting < 0 || acceptQueue < 1 || threads < 16
                || anonymousPerMinute < 1) {
            throw new IllegalArgumentException("limits out of range: readers " + readers
                    + ", waiting " + waiting + ", acceptQueue " + acceptQueue + ", threads "
                    + threads + ", anonymousPerMinute " + anonymousPerMinute);
        }
        if (minBytesPerSecond < 0 || waitAtMost.isNegative() || idleTimeout.isNegative()
                || stopTimeout.isNegative()) {
            throw new IllegalArgumentException("negative limit in " + waitAtMost + ", "
                    + idleTimeout + ", " + stopTimeout + " or " + minBytesPerSecond);
        }
    }

    /**
     * One reader per core; 1,000 waiting for at most 60 s (a burst of 480 uploads of about
     * 60 KB each queues in about 30 MB); bodies at 1 KiB/s at least (a 60 KB return on the
     * slowest school line takes seconds, a trickle of 10 bytes every 5 s is cut at once); 20 s
     * idle; a backlog of 1,024; 600 threads; 10 s to stop; 30 anonymous checks a minute from one
     * address.
     */
    public static Limits defaults() {
        return new Limits(Math.max(1, Runtime.getRuntime().availableProcessors()), 1000,
                Duration.ofSeconds(60), 1024, Duration.ofSeconds(20), 1024, 600,
                Duration.ofSeconds(10), 30);
    }

    public Limits withReaders(int newReaders, int newWaiting, Duration newWaitAtMost) {
        return new Limits(newReaders, newWaiting, newWaitAtMost, minBytesPerSecond, idleTimeout,
                acceptQueue, threads, stopTimeout, anonymousPerMinute);
    }

    public Limits withSlowClients(long newMinBytesPerSecond, Duration newIdleTimeout) {
        return new Limits(readers, waiting, waitAtMost, newMinBytesPerSecond, newIdleTimeout,
                acceptQueue, threads, stopTimeout, anonymousPerMinute);
    }

    public Limits withAnonymousPerMinute(int perMinute) {
        return new Limits(readers, waiting, waitAtMost, minBytesPerSecond, idleTimeout,
                acceptQueue, threads, stopTimeout, perMinute);
    }
}
