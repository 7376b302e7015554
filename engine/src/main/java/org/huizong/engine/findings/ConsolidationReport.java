package org.huizong.engine.findings;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.huizong.engine.consolidate.Completeness;
import org.huizong.engine.consolidate.FileOutcome;
import org.huizong.engine.model.Period;
import org.huizong.engine.model.School;

/**
 * What a consolidation did with every file, as a script reads it: the JSON of
 * {@code docs/consolidate-json.md}, or text lines for a clerk. Strings through {@link
 * FindingReport#quote}, the project's one JSON string writer.
 */
public final class ConsolidationReport {
    private ConsolidationReport() {
    }

    /**
     * Where the outputs went; empty when they were not written (nothing could be consolidated).
     *
     * @param comparison how 同比 was computed, in Chinese, empty without a previous period
     */
    public record Outputs(Optional<String> book, Optional<String> document,
            Optional<String> comparison) {
        public static final Outputs NONE = new Outputs(Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /**
     * The documented JSON: keys in fixed order, two-space indentation, one file a line, UTF-8
     * text.
     *
     * @param period the period consolidated, empty when there was nothing to consolidate
     * @param files every file given, as {@link FileOutcome#of} lists them
     */
    public static String json(Optional<Period> period, Completeness done,
            List<FileOutcome> files, Outputs outputs) {
        StringBuilder sb = new StringBuilder("{\n");
        sb.append("  \"period\": ").append(period.map(p -> quote(p.toString())).orElse("null"))
                .append(",\n  \"book\": ").append(orNull(outputs.book()))
                .append(",\n  \"document\": ").append(orNull(outputs.document()))
                .append(",\n  \"comparison\": ").append(orNull(outputs.comparison()))
                .append(",\n  \"summary\": {\"text\": ").append(quote(done.summary()))
                .append(", \"files\": ").append(done.files())
                .append(", \"counted\": ").append(done.counted())
                .append(", \"countedWithErrors\": ").append(done.countedWithErrors())
                .append(",\n              \"errors\": ").append(done.notCountedForErrors())
                .append(", \"superseded\": ").append(done.superseded())
                .append(", \"notOnRoster\": ").append(done.unknown().size())
                .append(", \"unreadable\": ").append(done.rejected().size())
                .append(",\n              \"expected\": ").append(done.expected())
                .append(", \"received\": ").append(done.received())
                .append(", \"missing\": ").append(done.missing().size())
                .append(", \"everyFileCounted\": ")
                .append(done.files() > 0 && done.counted() == done.files()).append("},\n");
        sb.append("  \"files\": [");
        for (int i = 0; i < files.size(); i++) {
            FileOutcome f = files.get(i);
            sb.append(i == 0 ? "\n" : ",\n").append("    {\"file\": ").append(quote(f.file()))
                    .append(", \"school\": ").append(quote(f.schoolCode()))
                    .append(", \"outcome\": ").append(quote(f.kind().id()))
                    .append(", \"label\": ").append(quote(f.kind().label()))
                    .append(", \"reason\": ").append(f.reason().isEmpty() ? "null"
                            : quote(f.reason()))
                    .append(", \"saved\": ").append(f.version().saved()
                            .map(ConsolidationReport::time).orElse("null"))
                    .append(", \"modified\": ").append(time(f.version().time())).append('}');
        }
        sb.append(files.isEmpty() ? "],\n" : "\n  ],\n");
        sb.append("  \"missing\": [");
        for (int i = 0; i < done.missing().size(); i++) {
            School s = done.missing().get(i);
            sb.append(i == 0 ? "\n" : ",\n").append("    {\"school\": ").append(quote(s.code()))
                    .append(", \"name\": ").append(quote(s.name())).append('}');
        }
        sb.append(done.missing().isEmpty() ? "]\n" : "\n  ]\n");
        return sb.append("}\n").toString();
    }

    /**
     * The summary line, then one line for each file not counted (or counted with errors) with
     * its reason: {@code   未计入 重复.xlsx（重复）：同校已有较晚的…}.
     */
    public static String text(Completeness done, List<FileOutcome> files) {
        StringBuilder sb = new StringBuilder(done.summary()).append('\n');
        for (FileOutcome f : files) {
            if (f.kind() != FileOutcome.Kind.COUNTED) {
                sb.append(f.kind().isCounted() ? "  已计入 " : "  未计入 ").append(f.file())
                        .append("（").append(f.kind().label()).append("）：").append(f.reason())
                        .append('\n');
            }
        }
        return sb.toString();
    }

    private static String time(Instant t) {
        return quote(t.toString());
    }

    private static String orNull(Optional<String> s) {
        return s.map(ConsolidationReport::quote).orElse("null");
    }

    private static String quote(String s) {
        return FindingReport.quote(s);
    }
}
