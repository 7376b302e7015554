package org.huizong.engine.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.PresetColor;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFShapeProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.huizong.engine.model.Field;
import org.huizong.engine.model.FieldType;
import org.huizong.engine.model.Line;
import org.huizong.engine.model.Sheet;

/**
 * A bar chart of money by program: the first grid sheet of the collection that has a money
 * column (学生资助: 资助金额 by 资助项目), its entered lines (not the computed 合计) as a small table
 * and a horizontal bar chart drawn from it. No such sheet, no chart sheet.
 */
final class ChartSheet {
    private final Book b;

    ChartSheet(Book b) {
        this.b = b;
    }

    /** The grid sheet charted, if the collection has one. */
    static Optional<Sheet> source(Book b) {
        return b.collection.sheets().stream().filter(s -> s.valueColumns().size() > 1)
                .filter(s -> !programs(s).isEmpty()).findFirst();
    }

    static String name(Sheet s) {
        return s.title().replace("学生", "") + "图表";
    }

    /** Lines whose every field is entered and which have a money field. */
    private static List<Line> programs(Sheet s) {
        List<Line> out = new ArrayList<>();
        for (Line l : s.lines()) {
            boolean entered = l.fields().stream().allMatch(f -> f != null && f.isInput());
            if (entered && l.fields().size() == s.valueColumns().size()
                    && l.fields().stream().anyMatch(f -> f.type() == FieldType.MONEY)) {
                out.add(l);
            }
        }
        return out;
    }

    void write(Sheet source) {
        XSSFSheet sheet = b.wb.createSheet(name(source));
        List<Line> lines = programs(source);
        int cols = source.valueColumns().size();
        b.heading(sheet, sheet.getSheetName(), cols);
        Row h = Book.row(sheet, 2);
        Book.text(h, 0, "项目", b.styles.header);
        for (int j = 0; j < cols; j++) {
            Book.text(h, 1 + j, source.valueColumns().get(j), b.styles.header);
        }
        int moneyCol = -1;
        for (int i = 0; i < lines.size(); i++) {
            Row x = Book.row(sheet, 3 + i);
            Book.text(x, 0, lines.get(i).label(), b.styles.text);
            for (int j = 0; j < cols; j++) {
                Field f = lines.get(i).fields().get(j);
                Book.number(x, 1 + j, b.c.totals().get(f.id()), b.styles.number(f.type()));
                moneyCol = f.type() == FieldType.MONEY && moneyCol < 0 ? 1 + j : moneyCol;
            }
        }
        Book.width(sheet, 0, 34);
        for (int j = 0; j < cols; j++) {
            Book.width(sheet, 1 + j, 16);
        }
        int first = 3;
        int last = 3 + lines.size() - 1;
        chart(sheet, source.valueColumns().get(moneyCol - 1), first, last, moneyCol,
                last + 2);
        Book.printA4(sheet, false, 1);
    }

    private void chart(XSSFSheet sheet, String series, int first, int last, int col, int top) {
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, 0, top, 3, top + 22);
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText(b.whole() + series + "（按项目）");
        chart.setTitleOverlay(false);
        XDDFCategoryAxis programs = chart.createCategoryAxis(AxisPosition.LEFT);
        XDDFValueAxis amounts = chart.createValueAxis(AxisPosition.BOTTOM);
        amounts.setCrosses(AxisCrosses.AUTO_ZERO);
        programs.setOrientation(org.apache.poi.xddf.usermodel.chart.AxisOrientation.MAX_MIN);
        XDDFDataSource<String> cats = XDDFDataSourcesFactory.fromStringCellRange(sheet,
                new CellRangeAddress(first, last, 0, 0));
        XDDFNumericalDataSource<Double> vals = XDDFDataSourcesFactory.fromNumericCellRange(
                sheet, new CellRangeAddress(first, last, col, col));
        XDDFChartData data = chart.createData(ChartTypes.BAR, programs, amounts);
        ((XDDFBarChartData) data).setBarDirection(BarDirection.BAR);
        XDDFChartData.Series s = data.addSeries(cats, vals);
        s.setTitle(series, null);
        XDDFShapeProperties look = new XDDFShapeProperties();
        look.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(PresetColor.STEEL_BLUE)));
        s.setShapeProperties(look);
        amounts.setNumberFormat("#,##0");
        data.setVaryColors(false);
        chart.plot(data);
    }
}
