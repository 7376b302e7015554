package org.huizong.engine.template;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.huizong.engine.model.School;
import org.huizong.engine.xlsx.ZipCopies;

/**
 * Blank templates for a whole roster, the same bytes as {@link TemplateWriter#toBytes} writes
 * each, at a fraction of the cost. Two schools' blank templates differ only where the school's
 * code, name and township are written (the shared strings, the document properties), and in the
 * heights of rows whose wrapped text holds them, which follow their display widths; type and
 * ownership choose rules, columns and marks. So for each shape of school (type, ownership and
 * the two widths) POI writes one twin whose name and township are placeholders of the same
 * widths, and code {@value #CODE}; each school's template is the twin's zip with the placeholders
 * replaced in the parts that hold them, every other part's deflated bytes copied as they are.
 *
 * <p>A school is written in full instead when a replacement could differ from what POI writes:
 * a string XML would escape or space-preserve, or one that equals another shared string (POI
 * would store it once). And the first copy of each type and ownership is compared with the full
 * template: if they differ (the writer came to depend on the school some other way), that kind
 * of school is written in full. Safe from any thread.
 */
final class TemplateCopies {
    /** The twins' code: ten digits, as every school code. */
    static final String CODE = "0000000000";
    private static final String SHARED_STRINGS = "xl/sharedStrings.xml";

    private final TemplateWriter writer;
    private final Map<Shape, Twin> twins = new ConcurrentHashMap<>();
    private final Map<Kind, Boolean> copiesMatch = new ConcurrentHashMap<>();
    private final AtomicInteger copied = new AtomicInteger();

    TemplateCopies(TemplateWriter writer) {
        this.writer = writer;
    }

    /** {@code school}'s blank template, as {@code writer.toBytes(school, ReturnData.empty())}. */
    byte[] toBytes(School school) {
        if (!replaceable(school.name()) || !replaceable(school.township())) {
            return full(school);
        }
        Twin twin = twins.computeIfAbsent(Shape.of(school), this::twin);
        Optional<byte[]> copy = twin.copyFor(school);
        if (copy.isEmpty()) {
            return full(school);
        }
        boolean match = copiesMatch.computeIfAbsent(new Kind(school.type(), school.ownership()),
                k -> Arrays.equals(copy.get(), full(school)));
        if (!match) {
            return full(school);
        }
        copied.incrementAndGet();
        return copy.get();
    }

    /** How many templates were copies of a twin rather than written in full. */
    int copied() {
        return copied.get();
    }

    private byte[] full(School school) {
        return writer.toBytes(school, ReturnData.empty());
    }

    private Twin twin(Shape shape) {
        School twin = new School(CODE, placeholder('\uE000', '\uE001', shape.nameWidth()),
                shape.type(), placeholder('\uE002', '\uE003', shape.townshipWidth()),
                shape.ownership());
        ZipCopies zip = ZipCopies.of(full(twin), writer.stamp().toLocalDateTime());
        Map<String, String> parts = new LinkedHashMap<>();
        zip.entries().forEach((name, bytes) -> {
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (text.contains(CODE) || text.contains(twin.name())
                    || text.contains(twin.township())) {
                parts.put(name, text);
            }
        });
        return new Twin(twin, zip, parts);
    }

    /**
     * A string of display width {@code width} (see {@link SheetLook#width}) that no collection
     * text holds: private-use characters, {@code first} only at its start.
     */
    private static String placeholder(char first, char fill, int width) {
        return first + String.valueOf(fill).repeat(width / 2 - 1) + "x".repeat(width % 2);
    }

    /**
     * Whether {@code s} is written into the parts exactly as it is: no character that XML escapes,
     * replaces or needs {@code xml:space} for, none of the placeholders' private-use characters,
     * and at least one wide character's width.
     */
    static boolean replaceable(String s) {
        if (SheetLook.width(s) < 2) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isSurrogate(c) || Character.isISOControl(c) || Character.isWhitespace(c)
                    || Character.isSpaceChar(c) || "<>&\"'?".indexOf(c) >= 0
                    || c >= '\uE000' && c <= '\uF8FF' || c >= '\uFFFE') {
                return false;
            }
        }
        return true;
    }

    private record Kind(String type, String ownership) {
    }

    private record Shape(String type, String ownership, int nameWidth, int townshipWidth) {
        static Shape of(School s) {
            return new Shape(s.type(), s.ownership(), SheetLook.width(s.name()),
                    SheetLook.width(s.township()));
        }
    }

    /** A twin's zip and the text of its parts that hold a placeholder. */
    private record Twin(School twin, ZipCopies zip, Map<String, String> parts) {
        /** {@code school}'s template; empty if one of its strings equals another shared string. */
        Optional<byte[]> copyFor(School school) {
            Map<String, byte[]> replaced = new LinkedHashMap<>();
            for (Map.Entry<String, String> p : parts.entrySet()) {
                // the code first: a name may hold ten zeros, no code a private-use character
                String text = p.getValue().replace(CODE, school.code())
                        .replace(twin.name(), school.name())
                        .replace(twin.township(), school.township());
                if (p.getKey().equals(SHARED_STRINGS) && !distinctItems(text)) {
                    return Optional.empty();
                }
                replaced.put(p.getKey(), text.getBytes(StandardCharsets.UTF_8));
            }
            return Optional.of(zip.with(replaced));
        }

        private static boolean distinctItems(String sharedStrings) {
            Set<String> seen = new HashSet<>();
            for (int at = sharedStrings.indexOf("<si>"); at >= 0; ) {
                int next = sharedStrings.indexOf("<si>", at + 4);
                String item = sharedStrings.substring(at, next < 0 ? sharedStrings.length() : next);
                if (!seen.add(item)) {
                    return false;
                }
                at = next;
            }
            return true;
        }
    }
}
