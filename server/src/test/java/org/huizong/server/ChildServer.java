package org.huizong.server;

import java.nio.file.Path;

/**
 * A server in its own JVM for the crash and stop tests: prints {@code PORT <n>} and
 * {@code ADMIN <pw>} and serves until the process is killed; on SIGTERM it stops the server as
 * {@code huizong serve} does.
 */
final class ChildServer {
    private ChildServer() {
    }

    public static void main(String[] args) throws Exception {
        HuizongServer.Handle h = HuizongServer.start(ServerConfig.defaults(Path.of(args[0]))
                .withHost("127.0.0.1").withPort(0));
        Runtime.getRuntime().addShutdownHook(new Thread(h::stop));
        System.out.println("ADMIN " + h.initialAdminPassword().orElse(""));
        System.out.println("PORT " + h.port());
        System.out.flush();
        Thread.currentThread().join();
    }
}
