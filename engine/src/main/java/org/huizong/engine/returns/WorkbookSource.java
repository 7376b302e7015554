package org.huizong.engine.returns;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.huizong.engine.UnreadableFileException;
import org.huizong.engine.xlsx.CellPos;
import org.huizong.engine.xlsx.RawCell;

/**
 * What the reader needs from a workbook file, whatever its format: sheet names, workbook-scoped
 * defined names, the {@code _meta} pairs, and the stored content of chosen cells.
 */
interface WorkbookSource extends AutoCloseable {

    List<String> sheetNames();

    /** Defined names to their formula text; workbook-scoped ones win over sheet-scoped. */
    Map<String, String> definedNames();

    /**
     * When the workbook says it was last saved (an .xlsx's {@code dcterms:modified}, an .xls's
     * last-save time); empty when it does not say or cannot be read.
     */
    Optional<Instant> saved();

    /** Column A to column B of the {@code _meta} sheet; empty when there is no such sheet. */
    Map<String, String> meta();

    /**
     * The stored content of {@code wanted} cells of {@code sheet}; absent cells are blank.
     *
     * @throws UnreadableFileException when the sheet's data cannot be parsed
     */
    Map<CellPos, RawCell> read(String sheet, Set<CellPos> wanted);

    /**
     * What {@code plan} locates in this workbook's sheets and names, read as a consolidated
     * book or not ({@code locate} works it out); remembered for every workbook of the same
     * structure where the source can tell (an .xlsx, by its workbook part), else worked out
     * each time.
     */
    default ReturnAssembler.Located located(ReadPlan plan, boolean book,
            Supplier<ReturnAssembler.Located> locate) {
        return locate.get();
    }

    @Override
    void close();
}
