package org.huizong.engine.returns;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.huizong.engine.UnreadableFileException;
import org.huizong.engine.model.Collection;
import org.huizong.engine.model.Period;
import org.huizong.engine.model.Return;
import org.huizong.engine.model.ReturnMeta;
import org.huizong.engine.template.MetaSheet;

/**
 * Reads a school's filled template (.xlsx streamed straight from its parts, .xls through POI)
 * into a {@link Return}. The workbook says what it is in its {@code _meta} sheet; every field
 * is found by its defined name, never by position; totals are recomputed from their parts,
 * never taken from cached values (a file saved by WPS, LibreOffice or a script may carry none
 * or stale ones).
 *
 * <p>Refuses, with an {@link UnreadableFileException} whose Chinese message names the file:
 * anything that is not a spreadsheet, a damaged or truncated file, an encrypted or macro-enabled
 * workbook, a zip bomb, a file over the size limit (and, given a path, anything but a regular
 * file: a device, a pipe, a folder), a workbook of an unknown collection, another
 * version or period, and a template whose structure was altered. Never writes to the file.
 *
 * <p>Immutable and thread-safe: one reader serves any number of files at once.
 */
public final class ReturnReader {
    /** The default size limit: 20 MB, some hundred times a filled return. */
    public static final long DEFAULT_SIZE_LIMIT = 20L * 1024 * 1024;
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0,
        (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};

    private final List<Collection> collections;
    /** One per collection, in the same order: what reading its returns needs. */
    private final List<ReadPlan> plans;
    private final Optional<Period> expected;
    private final long sizeLimit;
    /** Shared by the copies {@link #expecting} and {@link #withSizeLimit} make: same plans. */
    private final WorkbookStructures layouts;
    /** Whether every file is held to a school template's layout, whatever its kind claims. */
    private final boolean schoolLayout;

    private ReturnReader(List<ReadPlan> plans, Optional<Period> expected, long sizeLimit,
            WorkbookStructures layouts, boolean schoolLayout) {
        this.plans = List.copyOf(plans);
        this.schoolLayout = schoolLayout;
        this.layouts = layouts;
        this.collections = this.plans.stream().map(ReadPlan::collection).toList();
        this.expected = expected;
        this.sizeLimit = sizeLimit;
        if (this.collections.isEmpty()) {
            throw new IllegalArgumentException("a reader needs at least one collection");
        }
        if (sizeLimit < 1) {
            throw new IllegalArgumentException("size limit " + sizeLimit + " is not positive");
        }
    }

    /** A reader of returns of any of {@code collections}, any period. */
    public static ReturnReader of(List<Collection> collections) {
        return new ReturnReader(collections.stream().map(ReadPlan::of).toList(),
                Optional.empty(), DEFAULT_SIZE_LIMIT, new WorkbookStructures(), false);
    }

    public static ReturnReader of(Collection... collections) {
        return of(Arrays.asList(collections));
    }

    /** This reader, refusing returns of any period but {@code period}. */
    public ReturnReader expecting(Period period) {
        return new ReturnReader(plans, Optional.of(period), sizeLimit, layouts, schoolLayout);
    }

    /** This reader with another size limit, in bytes. */
    public ReturnReader withSizeLimit(long bytes) {
        return new ReturnReader(plans, expected, bytes, layouts, schoolLayout);
    }

    /**
     * This reader, holding every file to a school template's layout even when its
     * {@code _meta} says it is a consolidated book (whose names point elsewhere): for a file
     * its roster entry says is a school's, never read by its own claim.
     */
    public ReturnReader asSchoolReturns() {
        return new ReturnReader(plans, expected, sizeLimit, layouts, true);
    }

    /**
     * @throws UnreadableFileException when the file cannot be read as a return
     */
    public Return read(Path file) {
        String name = file.getFileName().toString();
        try {
            // a device, a pipe or a folder (also behind a link) has no size to check and may
            // never end: refused before anything is read from it
            if (Files.exists(file) && !Files.isRegularFile(file)) {
                throw Refusals.notARegularFile(name);
            }
            long size = Files.size(file);
            if (size > sizeLimit) {
                throw Refusals.tooLarge(name, size, sizeLimit);
            }
            try (InputStream in = Files.newInputStream(file)) {
                // a file that grew since its size was taken is read no further than the limit
                return read(name, in);
            }
        } catch (IOException e) {
            throw Refusals.unreadable(name, e);
        }
    }

    /** Reads {@code file}, refusing a return of any period but {@code expectedPeriod}. */
    public Return read(Path file, Period expectedPeriod) {
        return expecting(expectedPeriod).read(file);
    }

    /**
     * Reads an upload. At most the size limit plus one byte is read from {@code in}.
     *
     * @param fileName the name for messages and the return, without directories
     */
    public Return read(String fileName, InputStream in) {
        try {
            byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, sizeLimit + 1));
            if (b.length > sizeLimit) {
                throw Refusals.tooLarge(fileName, sizeLimit);
            }
            return read(fileName, b);
        } catch (IOException e) {
            throw Refusals.unreadable(fileName, e);
        }
    }

    /** Reads a file's content; {@code fileName} names it in messages and the return. */
    public Return read(String fileName, byte[] content) {
        Objects.requireNonNull(fileName, "fileName");
        if (content.length > sizeLimit) {
            throw Refusals.tooLarge(fileName, content.length, sizeLimit);
        }
        try (WorkbookSource source = open(fileName, content)) {
            ReturnMeta meta = identify(fileName, source.meta());
            boolean book = !schoolLayout && ReturnMeta.KIND_CONSOLIDATED.equals(meta.kind());
            return ReturnAssembler.assemble(fileName, source, plan(fileName, meta, source), meta,
                    book);
        }
    }

    private WorkbookSource open(String file, byte[] b) {
        if (b.length >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4) {
            return XlsxSource.open(file, b, layouts);
        }
        if (b.length >= OLE2.length && Arrays.equals(b, 0, OLE2.length, OLE2, 0, OLE2.length)) {
            return XlsSource.open(file, b);
        }
        throw Refusals.notASpreadsheet(file);
    }

    private ReturnMeta identify(String file, Map<String, String> kv) {
        if (kv.isEmpty() || !kv.containsKey(MetaSheet.COLLECTION)) {
            throw Refusals.notATemplate(file);
        }
        ReturnMeta meta = MetaSheet.parse(kv, file);
        expected.filter(p -> !p.equals(meta.period())).ifPresent(p -> {
            throw Refusals.wrongPeriod(file, meta.period(), p);
        });
        return meta;
    }

    private ReadPlan plan(String file, ReturnMeta meta, WorkbookSource source) {
        List<ReadPlan> same = plans.stream()
                .filter(p -> p.collection().id().equals(meta.collection())).toList();
        if (same.isEmpty()) {
            throw Refusals.unknownCollection(file, meta.collection(), collections);
        }
        ReadPlan p = same.stream().filter(x -> x.collection().version() == meta.version())
                .findFirst().orElseThrow(() -> Refusals.versionMismatch(file,
                        same.get(0).collection(), meta.version(),
                        source.definedNames().keySet()));
        Collection c = p.collection();
        if (!c.structureHash().equals(meta.structureHash())) {
            throw Refusals.structureHash(file, c, meta.structureHash());
        }
        return p;
    }
}
