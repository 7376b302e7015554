package org.huizong.cli;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Wires the commands. The clock honours {@code SOURCE_DATE_EPOCH} (seconds), so a build or a test
 * can make the generated time, and so the workbook bytes, reproducible.
 */
final class CliModule extends AbstractModule {
    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @Override
    protected void configure() {
        binder().requireExplicitBindings();
        bind(TemplateCommand.class);
        bind(ValidateCommand.class);
        bind(ConsolidateCommand.class);
        bind(DemoCommand.class);
        bind(ServeCommand.class);
        bind(CollectionCommand.class);
        bind(CollectionCommand.Export.class);
        bind(CollectionCommand.Check.class);
        bind(CollectionCommand.Show.class);
        bind(Main.class);
    }

    @Provides
    Clock clock() {
        String epoch = System.getenv("SOURCE_DATE_EPOCH");
        if (epoch != null && epoch.matches("\\d+")) {
            return Clock.fixed(Instant.ofEpochSecond(Long.parseLong(epoch)), BEIJING);
        }
        return Clock.system(BEIJING);
    }
}
