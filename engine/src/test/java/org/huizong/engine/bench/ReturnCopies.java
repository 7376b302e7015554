package org.huizong.engine.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.huizong.engine.template.ReturnData;
import org.huizong.engine.model.Collection;
import org.huizong.engine.model.Field;
import org.huizong.engine.model.Roster;
import org.huizong.engine.model.School;
import org.huizong.engine.model.Table;
import org.huizong.engine.model.Value;
import org.huizong.engine.spec.CollectionSpecs;

/**
 * Writes N filled returns in seconds, without a spreadsheet library, for the whole-process
 * benchmark ({@code bench/whole-process.sh}). The models are blank templates written by
 * {@code huizong template}, one per school type; each copy gets its school's code and name in
 * the shared strings (every place the template shows them), its township and ownership, and the
 * seeded values of {@link ConsolidationBench.Generator} written straight into the cells the
 * {@code F_} and {@code T_} names point at. Parts no value touches are deflated once per model
 * and copied as they are. Not a unit test; see {@code docs/benchmarks.md}.
 *
 * <p>The values pass every error rule (the bench checks that {@code validate} finds none), so
 * every return counts and a book's county totals must equal the generator's sums, which it
 * writes beside the returns ({@link GeneratedSums}).
 *
 * <p>Two steps, as the bench script runs them:
 * <ul>
 * <li>{@code --model-roster FILE}: the roster of the model schools, one per school type, for
 *     {@code huizong template}; or {@code --roster FILE --schools N}: the roster of N
 *     generated schools alone (the bench's templates for 300 schools);
 * <li>{@code --models DIR --returns N --out DIR [--seed S] [--level 0-9]}: writes
 *     {@code OUT/returns-N/*.xlsx}, the roster {@code OUT/schools-N.csv} and the sums
 *     {@code OUT/sums-N.csv}.
 * </ul>
 * Each also takes {@code --spec FILE} (default: the edu-halfyear spec of the templates module).
 */
public final class ReturnCopies {
    /** Model schools are numbered from here; generated ones from 3400000001. */
    private static final long MODEL_CODE = 3499999901L;
    private static final String MODEL_NAME = "样板";
    private static final String MODEL_TOWNSHIP = "样板镇";
    /** Every entry's DOS date and time: 2024-01-01 00:00, as the templates have. */
    private static final int DOS_DATE = ((2024 - 1980) << 9) | (1 << 5) | 1;
    private static final Pattern NAME = Pattern.compile(
            "<definedName name=\"([FT]_[^\"]+)\">'?([^'!]+)'?!\\$([A-Z]+)\\$(\\d+)");
    private static final Pattern SHEET = Pattern.compile(
            "<sheet name=\"([^\"]+)\" r:id=\"([^\"]+)\"");
    private static final Pattern RELATION = Pattern.compile(
            "Id=\"([^\"]+)\" Target=\"([^\"]+)\"");
    private static final Pattern STYLE = Pattern.compile(" s=\"(\\d+)\"");

    private ReturnCopies() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> opts = ConsolidationBench.options(args);
        Collection c = CollectionSpecs.load(ConsolidationBench.spec(opts.get("spec")));
        if (opts.containsKey("model-roster")) {
            writeRoster(models(c), Path.of(opts.get("model-roster")));
            return;
        }
        if (opts.containsKey("roster")) {
            writeRoster(ConsolidationBench.roster(c, Integer.parseInt(opts.get("schools"))),
                    Path.of(opts.get("roster")));
            return;
        }
        int n = Integer.parseInt(opts.getOrDefault("returns", "5000"));
        long seed = Long.parseLong(opts.getOrDefault("seed", "0"));
        int level = Integer.parseInt(opts.getOrDefault("level", "6"));
        Path out = Path.of(opts.get("out"));
        Map<String, Model> byType = new LinkedHashMap<>();
        for (School s : models(c).schools()) {
            Path file = Path.of(opts.get("models")).resolve(fileName(s));
            byType.put(s.type(), new Model(c, s, file, level));
        }
        long t0 = System.nanoTime();
        Roster roster = ConsolidationBench.roster(c, n);
        Path dir = out.resolve("returns-" + n);
        Files.createDirectories(dir);
        try (Stream<Path> old = Files.list(dir)) {
            for (Path p : old.toList()) {
                Files.delete(p);
            }
        }
        Map<String, BigDecimal> sums = new ConcurrentHashMap<>();
        ThreadLocal<Deflater> deflaters = ThreadLocal.withInitial(() -> new Deflater(level, true));
        IntStream.range(0, n).parallel().forEach(i -> {
            School s = roster.schools().get(i);
            ReturnData data = ConsolidationBench.Generator.data(c, s, new Random(seed + i));
            for (Field f : c.fields()) {
                if (f.type().isNumeric() && f.isInput()
                        && data.values().get(f.id()) instanceof Value.Num v) {
                    sums.merge(f.id(), v.value(), BigDecimal::add);
                }
            }
            try {
                Files.write(dir.resolve(fileName(s)),
                        byType.get(s.type()).copy(s, data, deflaters.get()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        writeRoster(roster, out.resolve("schools-" + n + ".csv"));
        GeneratedSums.write(c, n, sums, out.resolve("sums-" + n + ".csv"));
        System.out.printf(Locale.ROOT, "generated %d returns in %s in %.1f s%n", n, dir,
                (System.nanoTime() - t0) / 1e9);
    }

    /** One model school per school type of the collection. */
    static Roster models(Collection c) {
        List<School> out = new ArrayList<>();
        for (int k = 0; k < c.schoolTypes().size(); k++) {
            String type = c.schoolTypes().get(k);
            out.add(new School(String.valueOf(MODEL_CODE + k), MODEL_NAME + type, type,
                    MODEL_TOWNSHIP, "公办"));
        }
        return new Roster(out);
    }

    /** The file name {@code huizong template} gives a school's template. */
    static String fileName(School s) {
        return s.code() + "_" + s.name() + ".xlsx";
    }

    private static void writeRoster(Roster r, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file)) {
            w.write("code,name,type,township,ownership\n");
            for (School s : r.schools()) {
                w.write(String.join(",", s.code(), s.name(), s.type(), s.township(),
                        s.ownership()) + "\n");
            }
        }
    }

    /** A cell a defined name points at: the worksheet part and the A1 column and row. */
    private record Target(String part, String column, int row) {
        String a1(int rowOffset) {
            return column + (row + rowOffset);
        }
    }

    /** A part deflated once: copied as it is into every return that does not change it. */
    private record Deflated(byte[] data, int crc, int size) {
    }

    /** One blank template and what a copy of it needs. */
    private static final class Model {
        private final Collection collection;
        private final School school;
        private final List<String> entries = new ArrayList<>();
        private final Map<String, String> text = new LinkedHashMap<>();
        private final Map<String, Deflated> deflated = new LinkedHashMap<>();
        private final Map<String, Target> targets = new LinkedHashMap<>();
        private final String strings;
        private final int stringCount;

        Model(Collection collection, School school, Path file, int level) throws IOException {
            this.collection = collection;
            this.school = school;
            Deflater deflater = new Deflater(level, true);
            try (ZipFile zip = new ZipFile(file.toFile())) {
                for (ZipEntry e : Collections.list(zip.entries())) {
                    byte[] bytes = zip.getInputStream(e).readAllBytes();
                    entries.add(e.getName());
                    text.put(e.getName(), new String(bytes, StandardCharsets.UTF_8));
                    deflated.put(e.getName(), deflate(bytes, deflater));
                }
            }
            deflater.end();
            Map<String, String> rels = new LinkedHashMap<>();
            Matcher r = RELATION.matcher(text.get("xl/_rels/workbook.xml.rels"));
            while (r.find()) {
                rels.put(r.group(1), "xl/" + r.group(2));
            }
            Map<String, String> sheets = new LinkedHashMap<>();
            String workbook = text.get("xl/workbook.xml");
            Matcher s = SHEET.matcher(workbook);
            while (s.find()) {
                sheets.put(s.group(1), rels.get(s.group(2)));
            }
            Matcher m = NAME.matcher(workbook);
            while (m.find()) {
                targets.put(m.group(1), new Target(sheets.get(m.group(2)), m.group(3),
                        Integer.parseInt(m.group(4))));
            }
            strings = text.get("xl/sharedStrings.xml");
            stringCount = count(strings, "<si>");
        }

        /** The return of {@code s} with {@code data}, as the bytes of an .xlsx. */
        byte[] copy(School s, ReturnData data, Deflater deflater) {
            Map<String, Map<String, String>> cells = new LinkedHashMap<>();
            List<String> added = new ArrayList<>();
            put(cells, added, "info.township", 0, Value.of(s.township()));
            put(cells, added, "info.ownership", 0, Value.of(s.ownership()));
            data.values().forEach((id, v) -> {
                Field f = collection.getField(id);
                if (f.isInput() && f.appliesTo(s.type())) {
                    put(cells, added, id, 0, v);
                }
            });
            for (Table t : collection.tables()) {
                List<Map<String, Value>> rows = data.tables().getOrDefault(t.id(), List.of());
                for (int i = 0; i < rows.size(); i++) {
                    for (Map.Entry<String, Value> e : rows.get(i).entrySet()) {
                        put(cells, added, t.columnName(t.column(e.getKey())), i, e.getValue());
                    }
                }
            }
            Zip zip = new Zip();
            for (String entry : entries) {
                if (entry.equals("xl/sharedStrings.xml")) {
                    zip.add(entry, deflate(strings(s, added).getBytes(StandardCharsets.UTF_8),
                            deflater));
                } else if (cells.containsKey(entry)) {
                    zip.add(entry, deflate(fill(entry, text.get(entry), cells.get(entry))
                            .getBytes(StandardCharsets.UTF_8), deflater));
                } else {
                    zip.add(entry, deflated.get(entry));
                }
            }
            return zip.finish();
        }

        /** A value for a field (by id) or a table column (by name, then a row offset). */
        private void put(Map<String, Map<String, String>> cells, List<String> added,
                String idOrName, int rowOffset, Value v) {
            String name = idOrName.startsWith("T_") ? idOrName
                    : collection.getField(idOrName).definedName();
            Target t = targets.get(name);
            if (t == null) {
                throw new IllegalStateException("the model of " + school.type()
                        + " has no defined name " + name);
            }
            String content;
            if (v instanceof Value.Num n) {
                content = " t=\"n\"><v>" + n.value().toPlainString() + "</v></c>";
            } else {
                content = " t=\"s\"><v>" + (stringCount + added.size()) + "</v></c>";
                added.add(v.display());
            }
            cells.computeIfAbsent(t.part(), k -> new LinkedHashMap<>()).put(t.a1(rowOffset),
                    content);
        }

        /** The model's shared strings with this school's code and name, plus {@code added}. */
        private String strings(School s, List<String> added) {
            String renamed = strings.replace(school.code(), s.code())
                    .replace(school.name(), escape(s.name()));
            StringBuilder out = new StringBuilder(renamed.length() + added.size() * 32);
            int end = renamed.lastIndexOf("</sst>");
            out.append(renamed, 0, end);
            for (String a : added) {
                out.append("<si><t>").append(escape(a)).append("</t></si>");
            }
            out.append("</sst>");
            int open = out.indexOf("<sst ");
            int close = out.indexOf(">", open) + 1;
            String tag = out.substring(open, close);
            return out.replace(open, close, tag
                    .replaceFirst(" count=\"\\d+\"", " count=\""
                            + (Integer.parseInt(attribute(tag, "count")) + added.size()) + "\"")
                    .replaceFirst(" uniqueCount=\"\\d+\"", " uniqueCount=\""
                            + (stringCount + added.size()) + "\"")).toString();
        }

        /** The sheet with each cell of {@code cells} (A1 to what follows its style) replaced. */
        private String fill(String part, String xml, Map<String, String> cells) {
            List<int[]> spans = new ArrayList<>();
            List<String> replacements = new ArrayList<>();
            for (Map.Entry<String, String> e : cells.entrySet()) {
                int start = xml.indexOf("<c r=\"" + e.getKey() + "\"");
                if (start < 0) {
                    throw new IllegalStateException(part + " of the model of " + school.type()
                            + " has no cell " + e.getKey());
                }
                int close = xml.indexOf('>', start);
                int end = xml.charAt(close - 1) == '/' ? close + 1
                        : xml.indexOf("</c>", close) + 4;
                Matcher style = STYLE.matcher(xml.substring(start, close));
                spans.add(new int[] {start, end, replacements.size()});
                replacements.add("<c r=\"" + e.getKey() + "\""
                        + (style.find() ? style.group() : "") + e.getValue());
            }
            spans.sort(Comparator.comparingInt(a -> a[0]));
            StringBuilder out = new StringBuilder(xml.length() + cells.size() * 24);
            int at = 0;
            for (int[] span : spans) {
                out.append(xml, at, span[0]).append(replacements.get(span[2]));
                at = span[1];
            }
            return out.append(xml, at, xml.length()).toString();
        }
    }

    private static String attribute(String tag, String name) {
        Matcher m = Pattern.compile(" " + name + "=\"([^\"]*)\"").matcher(tag);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + tag);
        }
        return m.group(1);
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + what.length())) {
            n++;
        }
        return n;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static Deflated deflate(byte[] bytes, Deflater deflater) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        deflater.reset();
        deflater.setInput(bytes);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
        byte[] buf = new byte[16 * 1024];
        while (!deflater.finished()) {
            out.write(buf, 0, deflater.deflate(buf));
        }
        return new Deflated(out.toByteArray(), (int) crc.getValue(), bytes.length);
    }

    /** A zip of deflated entries, all stamped {@link #DOS_DATE}, without data descriptors. */
    private static final class Zip {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        private final ByteArrayOutputStream central = new ByteArrayOutputStream(2048);
        private int count;

        void add(String name, Deflated d) {
            byte[] n = name.getBytes(StandardCharsets.UTF_8);
            int offset = out.size();
            ByteBuffer local = header(30 + n.length, 0x04034b50, d, n.length);
            local.put(n);
            out.writeBytes(local.array());
            out.writeBytes(d.data());
            ByteBuffer entry = ByteBuffer.allocate(46 + n.length).order(ByteOrder.LITTLE_ENDIAN);
            entry.putInt(0x02014b50).putShort((short) 20);
            entry.put(header(26, 0, d, n.length).array());
            entry.putShort((short) 0).putShort((short) 0).putShort((short) 0).putInt(0)
                    .putInt(offset).put(n);
            central.writeBytes(entry.array());
            count++;
        }

        /** Signature (unless 0), then version, flags, method, time, date, CRC and sizes. */
        private static ByteBuffer header(int size, int signature, Deflated d, int nameLength) {
            ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
            if (signature != 0) {
                b.putInt(signature);
            }
            b.putShort((short) 20).putShort((short) 0x0800).putShort((short) 8)
                    .putShort((short) 0).putShort((short) DOS_DATE).putInt(d.crc())
                    .putInt(d.data().length).putInt(d.size()).putShort((short) nameLength)
                    .putShort((short) 0);
            return b;
        }

        byte[] finish() {
            int offset = out.size();
            out.writeBytes(central.toByteArray());
            ByteBuffer end = ByteBuffer.allocate(22).order(ByteOrder.LITTLE_ENDIAN);
            end.putInt(0x06054b50).putShort((short) 0).putShort((short) 0)
                    .putShort((short) count).putShort((short) count).putInt(central.size())
                    .putInt(offset).putShort((short) 0);
            out.writeBytes(end.array());
            return out.toByteArray();
        }
    }
}
