package org.huizong.cli;

import com.google.inject.Inject;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.huizong.server.HuizongServer;
import org.huizong.server.ServerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code huizong serve}: the bureau server, until the process is stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "启动教育局服务端（默认使用数据文件夹中的 SQLite 数据库）。")
final class ServeCommand implements Callable<Integer> {
    private final Clock clock;

    @Option(names = "--port", defaultValue = "8080", description = "端口（默认 ${DEFAULT-VALUE}）")
    int port;

    @Option(names = "--host", defaultValue = "0.0.0.0",
            description = "监听地址（默认 ${DEFAULT-VALUE}）")
    String host;

    @Option(names = "--data", defaultValue = "huizong-data",
            description = "数据文件夹（默认 ${DEFAULT-VALUE}）")
    Path data;

    @Option(names = "--db", description = "PostgreSQL 的 JDBC 地址；不填则用数据文件夹中的 SQLite")
    String db;

    @Option(names = "--demo", description = "首次启动时载入示范县的报表任务、名单和报表")
    boolean demo;

    @Option(names = "--public-url",
            description = "学校访问本服务的地址（如 https://jyj.example.cn），用于上传链接和加载项清单")
    String publicUrl;

    @Option(names = "--keystore", description = "HTTPS 证书库 (PKCS#12)；Excel 加载项需要 HTTPS")
    Path keystore;

    @Option(names = "--keystore-password", description = "证书库密码")
    String keystorePassword;

    @Option(names = "--verbose", description = "在日志中显示更多运行信息（默认只显示警告和错误）")
    boolean verbose;

    @Inject
    ServeCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (verbose) {
            // Read by slf4j-simple when the first logger is made, which is after this line.
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
        }
        ServerConfig config = ServerConfig.defaults(data).withHost(host).withPort(port)
                .withDemo(demo);
        if (db != null) {
            config = config.withJdbcUrl(db);
        }
        if (keystore != null) {
            config = config.withTls(keystore, keystorePassword == null ? "" : keystorePassword);
        }
        if (publicUrl != null) {
            config = config.withPublicUrl(publicUrl);
        }
        // The server itself prints the first admin's password, once.
        HuizongServer.Handle handle = HuizongServer.start(config, clock);
        System.out.println("汇总服务已启动：" + handle.baseUrl());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            handle.stop();
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }
}
