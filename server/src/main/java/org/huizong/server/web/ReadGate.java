package org.huizong.server.web;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Bounds how many returns are read and validated at once: {@link Limits#readers()} at a time,
 * up to {@link Limits#waiting()} more waiting at most {@link Limits#waitAtMost()}; anything beyond
 * is refused with 503 and {@code Retry-After} (see {@link #RETRY_AFTER_SECONDS}) instead of
 * exhausting memory or CPU. Callers read the request body first, so a slow client never holds a
 * reader. Checks without a school's secret are also counted by address
 * ({@link Limits#anonymousPerMinute()}), so one anonymous client cannot keep the readers busy.
 */
public final class ReadGate {
    /** Seconds a refused client is asked to wait before trying again. */
    public static final int RETRY_AFTER_SECONDS = 30;
    private final Semaphore readers;
    private final int maxWaiting;
    private final long waitNanos;
    private final AtomicInteger waiting = new AtomicInteger();
    private final int anonymousPerMinute;
    /** Anonymous checks by address in the current minute: {minute since the epoch, count}. */
    private final Map<String, long[]> anonymous = new HashMap<>();

    public ReadGate(Limits limits) {
        this.readers = new Semaphore(limits.readers(), true);
        this.maxWaiting = limits.waiting();
        this.waitNanos = limits.waitAtMost().toNanos();
        this.anonymousPerMinute = limits.anonymousPerMinute();
    }

    /**
     * Counts one check without a school's secret from {@code address}; 429 beyond
     * {@link Limits#anonymousPerMinute()} in the current minute. Behind a reverse proxy every
     * client has the proxy's address, so schools should check with their secret (the add-in
     * does).
     */
    void countAnonymous(String address, long nowMillis) {
        long minute = nowMillis / 60_000;
        long count;
        synchronized (anonymous) {
            if (anonymous.size() > 10_000) {
                anonymous.values().removeIf(v -> v[0] != minute);
            }
            long[] c = anonymous.computeIfAbsent(address, a -> new long[] {minute, 0});
            if (c[0] != minute) {
                c[0] = minute;
                c[1] = 0;
            }
            count = ++c[1];
        }
        if (count > anonymousPerMinute) {
            throw new HttpProblem(429, "此地址一分钟内未带学校密钥的检查已达 " + anonymousPerMinute
                    + " 次，请稍后再试，或使用本校上传链接");
        }
    }

    /** Runs {@code read} holding a reader; 503 when none is free in time. */
    public <T> T read(Supplier<T> read) {
        if (!readers.tryAcquire()) {
            if (waiting.incrementAndGet() > maxWaiting) {
                waiting.decrementAndGet();
                throw busy();
            }
            try {
                if (!readers.tryAcquire(waitNanos, TimeUnit.NANOSECONDS)) {
                    throw busy();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw busy();
            } finally {
                waiting.decrementAndGet();
            }
        }
        try {
            return read.get();
        } finally {
            readers.release();
        }
    }

    private static HttpProblem busy() {
        return new HttpProblem(503, "服务器正忙，同时上传和检查的报表太多，请 " + RETRY_AFTER_SECONDS
                + " 秒后重试；此次上传未保存");
    }
}
