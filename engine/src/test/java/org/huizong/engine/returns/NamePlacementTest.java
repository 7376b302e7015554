package org.huizong.engine.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.huizong.engine.fixtures.HostileFiles;
import org.huizong.engine.fixtures.IoFixtures;
import org.huizong.engine.fixtures.ZipEdits;
import org.huizong.engine.model.CellRef;
import org.huizong.engine.model.Return;
import org.huizong.engine.model.TableRow;
import org.huizong.engine.model.Value;
import org.huizong.engine.UnreadableFileException;
import org.junit.jupiter.api.Test;

/**
 * Every {@code F_} and {@code T_} name must point where the collection's layout says: rows
 * inserted inside a table are followed as Excel follows them, anything else is refused naming
 * the name, where it points and where it should; a consolidated book's names are bounded by a
 * book's shape. The whole hostile corpus is in {@link HostileInputTest}.
 */
class NamePlacementTest {
    private final ReturnReader reader = ReturnReader.of(IoFixtures.collection());
    private final byte[] filled = HostileFiles.filledReturn();

    @Test
    void rowsInsertedInsideATableAreReadAsExcelShowsThem() {
        Return r = reader.read("插入行.xlsx", HostileFiles.withInsertedTableRows());

        List<TableRow> rows = r.rows("projects");
        assertThat(rows).extracting(TableRow::index).containsExactly(4, 5, 6);
        assertThat(rows.get(0).find("name")).contains(Value.of("插入的项目6"));
        assertThat(rows.get(0).cells().get("budget")).isEqualTo(CellRef.of("项目建设", 6, 4));
        assertThat(rows.get(2).cells().get("status")).isEqualTo(CellRef.of("项目建设", 8, 7));
    }

    @Test
    void aSchoolsReturnClaimingToBeABookIsHeldToTheTemplateWhenAskedTo() {
        byte[] claim = HostileFiles.claimingABook(filled);
        byte[] claimAndMove = ZipEdits.rewrite(claim, "xl/workbook.xml", x -> x.replace(
                "'学校基本情况'!$D$12<", "'学校基本情况'!$Z$100<"));

        assertThat(reader.read("自称汇总.xlsx", claim).meta().kind()).isEqualTo("consolidated");
        assertThat(reader.read("自称汇总.xlsx", claimAndMove).findCell("info.students"))
                .as("a book's names are bounded, not placed").contains(
                        CellRef.of("学校基本情况", 99, 25));
        assertThatThrownBy(() -> reader.asSchoolReturns().read("自称汇总.xlsx", claimAndMove))
                .isInstanceOf(UnreadableFileException.class).hasMessageContaining(
                        "名称 F_info_students 指向 学校基本情况!Z100，应为 学校基本情况!D12");
    }

    @Test
    void aBooksNamesAreBoundedByABooksShape() {
        byte[] book = HostileFiles.claimingABook(filled);
        byte[] longList = ZipEdits.rewrite(book, "xl/workbook.xml", x -> x.replace(
                "'项目建设'!$E$4:$E$23<", "'项目建设'!$E$4:$E$100004<"));
        byte[] rangeField = ZipEdits.rewrite(book, "xl/workbook.xml", x -> x.replace(
                "'学校基本情况'!$D$12<", "'学校基本情况'!$D$12:$D$13<"));

        assertThatThrownBy(() -> reader.read("长清单.xlsx", longList)).hasMessageContaining(
                "名称 T_projects_budget 指向 项目建设!E4:E100004，应为 一列中不超过100000行的区域");
        assertThatThrownBy(() -> reader.read("区域.xlsx", rangeField)).hasMessageContaining(
                "名称 F_info_students 指向 学校基本情况!D12:D13，应为 一个单元格");
    }
}
