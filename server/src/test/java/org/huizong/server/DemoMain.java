package org.huizong.server;

import java.nio.file.Path;

/** Runs the demo server by hand: {@code DemoMain <data dir> [port]}; stops on Enter. */
final class DemoMain {
    private DemoMain() {
    }

    public static void main(String[] args) throws Exception {
        ServerConfig config = ServerConfig.defaults(Path.of(args[0]))
                .withHost("127.0.0.1").withPort(args.length > 1 ? Integer.parseInt(args[1]) : 0)
                .withDemo(true);
        long t0 = System.nanoTime();
        try (HuizongServer.Handle h = HuizongServer.start(config)) {
            System.out.println("started in " + (System.nanoTime() - t0) / 1_000_000 + " ms at "
                    + h.baseUrl());
            h.initialAdminPassword().ifPresent(p -> System.out.println("ADMIN " + p));
            if (args.length > 2) {
                return;
            }
            System.in.read();
        }
    }
}
