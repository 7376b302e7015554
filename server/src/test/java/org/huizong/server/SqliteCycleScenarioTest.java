package org.huizong.server;

import java.nio.file.Path;

/** The collection cycle on the embedded default: SQLite in the data folder. */
class SqliteCycleScenarioTest extends CycleScenarioTest {
    @Override
    ServerConfig config(Path dataDir) {
        return ServerConfig.defaults(dataDir).withHost("127.0.0.1").withPort(0).withDemo(true);
    }
}
