package org.huizong.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.huizong.server.web.ApiRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM while a school's upload is still arriving (slowly, but above the minimum rate): the
 * server process ends within its 10 s stop timeout, and what it stored is whole.
 */
class GracefulStopTest {
    @Test
    void sigtermEndsABusyServerWithinTenSeconds(@TempDir Path dir) throws Exception {
        CrashSafetyTest.Child child = CrashSafetyTest.Child.start(dir);
        String secret = child.secrets().get(Fixtures.PRIMARY);
        byte[] file = Fixtures.validReturn(Fixtures.PRIMARY);
        int port = Integer.parseInt(child.base().replaceAll(".*:", ""));
        // The file in 40 pieces, one every 0.5 s: 20 s in all, far longer than the stop timeout.
        int piece = file.length / 40 + 1;
        assertThat(piece * 2).as("bytes a second, above the minimum rate").isGreaterThan(1100);
        // The stop comes once the upload is under way: a few pieces have gone out.
        CountDownLatch underWay = new CountDownLatch(4);
        Thread upload = new Thread(() -> {
            try (Socket s = new Socket("127.0.0.1", port)) {
                OutputStream out = s.getOutputStream();
                out.write(("POST /api/v1/submit?filename=r.xlsx HTTP/1.1\r\nHost: localhost\r\n"
                        + ApiRequest.SECRET_HEADER + ": " + secret + "\r\nContent-Type: "
                        + "application/octet-stream\r\nContent-Length: " + file.length
                        + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                for (int off = 0; off < file.length; off += piece) {
                    out.write(Arrays.copyOfRange(file, off, Math.min(file.length, off + piece)));
                    out.flush();
                    underWay.countDown();
                    Thread.sleep(500);
                }
            } catch (Exception e) {
                // The stopping server closed the connection: expected.
            }
        });
        upload.setDaemon(true);
        upload.start();
        assertThat(underWay.await(30, TimeUnit.SECONDS)).as("the upload is under way").isTrue();
        long t0 = System.nanoTime();
        child.process().destroy();
        assertThat(child.process().waitFor(20, TimeUnit.SECONDS)).isTrue();
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0);
        System.out.println("GRACEFUL-STOP exited after " + seconds + " s");
        assertThat(seconds).as("seconds from SIGTERM to exit").isLessThanOrEqualTo(12);
        CrashSafetyTest.assertEverythingStoredIsWhole(dir, Set.of());
    }
}
