package org.huizong.server.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jdbi.v3.core.Jdbi;

/**
 * The connection pool, schema migrations and JDBI handle for one database, SQLite or PostgreSQL.
 *
 * <p>SQLite runs in WAL mode with {@code BEGIN IMMEDIATE} transactions, so writers queue on the
 * busy timeout instead of failing when a read lock would need upgrading mid-transaction.
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final boolean sqlite;

    private Database(HikariDataSource dataSource, boolean sqlite) {
        this.dataSource = dataSource;
        this.sqlite = sqlite;
        this.jdbi = Jdbi.create(dataSource);
    }

    /** Opens a {@code jdbc:sqlite:} or {@code jdbc:postgresql:} database and migrates it. */
    public static Database open(String url) {
        boolean sqlite = url.startsWith("jdbc:sqlite:");
        HikariConfig hc = new HikariConfig();
        hc.setPoolName("huizong");
        if (sqlite) {
            hc.setJdbcUrl(url);
            hc.addDataSourceProperty("journal_mode", "WAL");
            hc.addDataSourceProperty("busy_timeout", "60000");
            hc.addDataSourceProperty("transaction_mode", "IMMEDIATE");
            hc.addDataSourceProperty("foreign_keys", "true");
            // In WAL mode NORMAL never corrupts and survives a killed process; a power cut may
            // lose the last commits, whose files are then harmless orphans.
            hc.addDataSourceProperty("synchronous", "NORMAL");
            hc.setMaximumPoolSize(4);
        } else {
            hc.setJdbcUrl(url);
            hc.setMaximumPoolSize(16);
        }
        hc.setConnectionTimeout(60_000);
        HikariDataSource ds = new HikariDataSource(hc);
        try {
            migrations(ds, sqlite).load().migrate();
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        return new Database(ds, sqlite);
    }

    /**
     * The schema's migrations: the SQL scripts in {@code db/migration} ({@code ${autoid}} per
     * database) and the Java ones, in version order.
     */
    static FluentConfiguration migrations(DataSource ds, boolean sqlite) {
        return Flyway.configure()
                .dataSource(ds)
                .locations("classpath:db/migration")
                .javaMigrations(new FindingsInReportShape())
                .placeholders(Map.of("autoid", sqlite
                        ? "INTEGER PRIMARY KEY AUTOINCREMENT"
                        : "BIGSERIAL PRIMARY KEY"));
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    boolean isSqlite() {
        return sqlite;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
