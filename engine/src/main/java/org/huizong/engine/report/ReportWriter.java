package org.huizong.engine.report;

import java.io.BufferedOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.streaming.SheetDataWriter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.huizong.engine.consolidate.Consolidation;
import org.huizong.engine.consolidate.PreviousPeriod;
import org.huizong.engine.model.Collection;
import org.huizong.engine.model.ReturnMeta;
import org.huizong.engine.model.School;
import org.huizong.engine.model.Sheet;
import org.huizong.engine.model.Table;
import org.huizong.engine.narrative.Paragraph;
import org.huizong.engine.template.MetaSheet;
import org.huizong.engine.xlsx.Zips;

/**
 * Writes a {@link Consolidation} as the bureau's workbook, in Chinese, for A4: 封面, 全县汇总 (the
 * template's layout, with 同比 when a previous period is known), a chart of aid by program, the
 * breakdowns by type, township and ownership, 学校明细, 项目清单, 问题清单, 报送情况 and 总结.
 *
 * <p>The book reads back as one unit's return a level up: a very hidden {@code _meta} sheet (kind
 * {@code consolidated}, the unit code, the collection's structure hash), {@code F_<field>} names
 * on the exact totals of a very hidden {@code _totals} sheet ({@link ExactSheet}; the county
 * tables show money to 2 decimals with 舍位平衡, {@link Shown}) and {@code T_<table>_<column>}
 * names over the table rows; a very hidden {@code _detail} sheet holds every counted school's
 * figures (see {@link DetailData}).
 *
 * <p>Output is deterministic: the same consolidation, narrative, unit and clock give the same
 * bytes (document dates come from the clock, zip entry times are fixed). Immutable.
 */
public final class ReportWriter {
    /** Protects the {@code _meta} sheet against accidental edits, not against anyone. */
    private static final String META_PASSWORD = "huizong";
    /** Rows a streamed sheet keeps in memory; writers never look further back. */
    private static final int STREAM_WINDOW = 100;

    private final Collection collection;
    private final Clock clock;
    private final Book.Unit unit;
    private final Book.Scope scope;

    private ReportWriter(Collection collection, Clock clock, Book.Unit unit, Book.Scope scope) {
        this.collection = collection;
        this.clock = clock;
        this.unit = unit;
        this.scope = scope;
    }

    /** A writer for a county (县) with unit code 0000000000 until {@link #withUnit} says. */
    public static ReportWriter of(Collection collection, Clock clock) {
        Objects.requireNonNull(collection, "collection");
        Objects.requireNonNull(clock, "clock");
        return new ReportWriter(collection, clock, new Book.Unit("0000000000", "本县", "县"),
                Book.Scope.NONE);
    }

    /**
     * The unit the book is for: its code (6 to 12 digits, 行政区划代码 for instance; a city's
     * roster lists it with the type 汇总单位) and its name (某某县教育局).
     */
    public ReportWriter withUnit(String code, String name) {
        if (!School.isUnitCode(code)) {
            throw new IllegalArgumentException("单位代码 '" + code + "' 应为6到12位数字");
        }
        Objects.requireNonNull(name, "name of unit " + code);
        return new ReportWriter(collection, clock, new Book.Unit(code, name, unit.area()),
                scope);
    }

    /** The area word of the sheet names: 县 (全县汇总, default) or 市 (全市汇总) and so on. */
    public ReportWriter withArea(String area) {
        if (area == null || area.length() != 1) {
            throw new IllegalArgumentException("区域用字 '" + area + "' 应为一个字，如 县 或 市");
        }
        return new ReportWriter(collection, clock, new Book.Unit(unit.code(), unit.name(), area),
                scope);
    }

    /**
     * Which returns the book counts, in the bureau's words (只汇总审核通过的报表), stated on the
     * cover and above the submission sheet; none by default.
     */
    public ReportWriter withScope(String statement) {
        Objects.requireNonNull(statement, "statement");
        return new ReportWriter(collection, clock, unit,
                new Book.Scope(statement, scope.deadline()));
    }

    /**
     * The reporting deadline, a day in {@code zone}: returns sent after its end are marked 逾期
     * on the submission sheet.
     */
    public ReportWriter withDeadline(LocalDate day, ZoneId zone) {
        Objects.requireNonNull(day, "day");
        return new ReportWriter(collection, clock, unit, new Book.Scope(scope.statement(),
                Optional.of(new Book.Deadline(day, day.plusDays(1).atStartOfDay(zone)
                        .toInstant()))));
    }

    /**
     * Writes the book to a file, replacing it only once the book is whole: it is written beside
     * it first and moved over it, so a run that fails on the way (a full disk, too little
     * memory) leaves an earlier book as it was.
     */
    public void write(Consolidation c, List<Paragraph> narrative, Path file) {
        Path dir = file.toAbsolutePath().getParent();
        Path part = null;
        try {
            // not Files.createTempFile: its owner-only permissions would pass to the book
            part = dir.resolve("." + file.getFileName() + "." + ProcessHandle.current().pid()
                    + "-" + System.nanoTime() + ".part");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(part,
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 1 << 16)) {
                write(c, narrative, out);
            }
            move(part, file);
            part = null;
        } catch (IOException e) {
            throw new ReportException("无法写入汇总表 " + file + "：" + e.getMessage(), e);
        } finally {
            if (part != null) {
                try {
                    Files.deleteIfExists(part);
                } catch (IOException e) {
                    // the failure that brought us here is the one to report
                }
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Writes the book.
     *
     * @param narrative the summary paragraphs for 总结, possibly none
     * @throws IllegalArgumentException when {@code c} is of another collection
     */
    public void write(Consolidation c, List<Paragraph> narrative, OutputStream out) {
        if (!c.collection().equals(collection)) {
            throw new IllegalArgumentException("consolidation of " + c.collection().id()
                    + " given to a writer for " + collection.id());
        }
        Instant now = clock.instant();
        try (XSSFWorkbook wb = PlainSharedStrings.workbook()) {
            Book b = new Book(wb, collection, c, unit, scope, clock.getZone(), now);
            Map<String, String> shownAt = inMemory(b);
            try (SXSSFWorkbook streaming = streaming(wb)) {
                b.stream(streaming);
                streamed(b, List.copyOf(narrative), streaming, shownAt);
                properties(wb, b, now);
                pageHeaders(streaming, b);
                flushInOrder(streaming);
                streaming.write(out);
            }
        } catch (IOException e) {
            throw new ReportException("无法写出汇总表：" + e.getMessage(), e);
        }
    }

    /**
     * A streaming wrapper of {@code wb} that keeps its temporary sheet files plain (they are read
     * once, right away), writes them through a {@link SheetFileWriter}, and writes its zip
     * straight into the book's stamped zip ({@link Zips#stamped}), so each part is deflated once.
     */
    private static SXSSFWorkbook streaming(XSSFWorkbook wb) {
        return new SXSSFWorkbook(wb, STREAM_WINDOW, false, true) {
            @Override
            protected SheetDataWriter createSheetDataWriter() throws IOException {
                return new SheetDataWriter(getSharedStringSource()) {
                    // deprecated to become protected in POI 6, which this override survives
                    @SuppressWarnings("deprecation")
                    @Override
                    public Writer createWriter(File file) throws IOException {
                        return new SheetFileWriter(file);
                    }
                };
            }

            @Override
            protected ZipArchiveOutputStream createArchiveOutputStream(OutputStream out) {
                return Zips.stamped(out, Zips.BOOK_STAMP);
            }
        };
    }

    /**
     * The cover, the totals and the chart: small, and the chart needs POI's full model.
     *
     * @return field id to the 全县汇总 cell that shows its total
     */
    private Map<String, String> inMemory(Book b) {
        TotalsSheet totals = new TotalsSheet(b);
        Optional<Sheet> charted = ChartSheet.source(b);
        List<String[]> contents = new ArrayList<>();
        contents.add(new String[] {totals.name(), "汇总数，与学校报表格式一致" + b.c.previous()
                .filter(PreviousPeriod::compares).map(p -> p.isComparableBasis()
                        ? "，含同比（按可比口径）" : "，含同比").orElse("")});
        charted.ifPresent(s -> contents.add(new String[] {ChartSheet.name(), s.title()
                + "金额、各乡镇报送完成情况等图表"}));
        contents.add(new String[] {"按学校类型", "各类学校分别汇总"});
        contents.add(new String[] {"按乡镇", "各乡镇分别汇总"});
        contents.add(new String[] {"按办学性质", "公办、民办分别汇总"});
        contents.add(new String[] {DetailSheet.NAME, "计入汇总的学校逐校数据"});
        for (Sheet s : collection.sheets()) {
            s.table().ifPresent(t -> {
                contents.add(new String[] {ProjectSheet.name(t, s.title()),
                        "计入汇总的各校" + s.title() + "明细"});
                contents.add(new String[] {ProjectSheet.totalsName(t, s.title()),
                        s.title() + "按类别、资金来源、进度汇总"});
            });
        }
        contents.add(new String[] {FindingsSheet.NAME, "报表中的错误、警告及说明"});
        contents.add(new String[] {StatusSheet.NAME, "各校报送与计入情况"});
        contents.add(new String[] {OtherFilesSheet.NAME, "名单外、重复报送和无法读取的文件"});
        contents.add(new String[] {NarrativeSheet.NAME, "根据汇总数生成的总结文字"});

        new CoverSheet(b).write(contents);
        totals.write();
        charted.ifPresent(s -> new ChartSheet(b).write(s));
        return totals.shownAt();
    }

    /** The breakdowns and the long lists, streamed, then {@code _meta}. */
    private void streamed(Book b, List<Paragraph> narrative, SXSSFWorkbook streaming,
            Map<String, String> shownAt) {
        BreakdownSheet breakdown = new BreakdownSheet(b);
        breakdown.write("按学校类型", "学校类型", b.c.byType(), School::type);
        breakdown.write("按乡镇", "所在乡镇", b.c.byTownship(), School::township);
        breakdown.write("按办学性质", "办学性质", b.c.byOwnership(), School::ownership);
        new DetailSheet(b).write();
        for (Sheet s : collection.sheets()) {
            Optional<Table> t = s.table();
            t.ifPresent(table -> {
                new ProjectSheet(b).write(table, s.title());
                new ProjectSheet(b).writeTotals(table, s.title());
            });
        }
        new FindingsSheet(b).write();
        new StatusSheet(b).write();
        new OtherFilesSheet(b).write();
        new NarrativeSheet(b).write(narrative);
        new DetailData(b).write(META_PASSWORD);
        new ExactSheet(b).write(META_PASSWORD, shownAt);
        MetaSheet.write(streaming, new ReturnMeta(collection.id(), collection.version(),
                b.c.period(), unit.code(), collection.structureHash(),
                ReturnMeta.KIND_CONSOLIDATED), META_PASSWORD);
        b.wb.setActiveSheet(0);
        b.wb.setFirstVisibleTab(0);
    }

    /**
     * Flushes every streamed sheet's remaining rows, in sheet order. Strings get their shared
     * string index when their row is flushed, and {@code write} alone would flush the sheets in
     * hash order, so the same book could list its strings in another order.
     */
    private static void flushInOrder(SXSSFWorkbook streaming) throws IOException {
        for (int i = 0; i < streaming.getNumberOfSheets(); i++) {
            streaming.getSheetAt(i).flushRows();
        }
    }

    /**
     * Every printed page of every visible sheet names the reporting unit and the period in its
     * header (the sheet's own heading prints on its first page only); the footer numbers pages.
     */
    private static void pageHeaders(SXSSFWorkbook streaming, Book b) {
        for (int i = 0; i < streaming.getNumberOfSheets(); i++) {
            if (b.wb.getSheetVisibility(i) == org.apache.poi.ss.usermodel.SheetVisibility.VISIBLE) {
                org.apache.poi.ss.usermodel.Header h = streaming.getSheetAt(i).getHeader();
                h.setLeft("填报单位：" + b.unit.name());
                h.setCenter(b.c.period().label() + b.collection.title() + "汇总");
                h.setRight(streaming.getSheetName(i));
            }
        }
    }

    private static void properties(XSSFWorkbook wb, Book b, Instant now) {
        POIXMLProperties.CoreProperties core = wb.getProperties().getCoreProperties();
        core.setCreated(Optional.of(Date.from(now)));
        core.setModified(Optional.of(Date.from(now)));
        core.setCreator("huizong");
        core.setTitle(b.heading());
    }
}
