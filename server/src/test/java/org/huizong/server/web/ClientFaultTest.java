package org.huizong.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** A client's fault is told from the server's own, so only the second gets a stack trace. */
class ClientFaultTest {
    @Test
    void slowResetAndClosedBodiesAreTheClients() {
        assertThat(WebApp.clientFault(new UncheckedIOException(new IOException(
                new TimeoutException("request body rate is too low"))))).get().asString()
                .startsWith("超时或过慢");
        assertThat(WebApp.clientFault(new IOException("Connection reset by peer"))).get()
                .asString().startsWith("连接中断");
        assertThat(WebApp.clientFault(new RuntimeException(new EOFException())))
                .isPresent();
    }

    @Test
    void theServersOwnFailuresAreNot() {
        assertThat(WebApp.clientFault(new UncheckedIOException("无法保存上传文件",
                new IOException("No space left on device")))).isEmpty();
        assertThat(WebApp.clientFault(new IllegalStateException("bug"))).isEmpty();
    }
}
