package org.huizong.engine.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.PresetColor;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFShapeProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.AxisTickLabelPosition;
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
import org.openxmlformats.schemas.drawingml.x2006.chart.CTBarSer;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTDLbls;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTNumFmt;
import org.openxmlformats.schemas.drawingml.x2006.chart.STDLblPos;
import org.huizong.engine.consolidate.GroupTotals;
import org.huizong.engine.model.Field;
import org.huizong.engine.model.FieldType;
import org.huizong.engine.model.Line;
import org.huizong.engine.model.Sheet;

/**
 * The 图表 sheet: a bar chart of money by program, from the first grid sheet of the collection
 * that has a money column (学生资助: 资助金额 by 资助项目), its entered lines (not the computed 合计)
 * as a small table and a horizontal bar chart drawn from it; then, each on a page of its own,
 * 报送完成情况 by township (应报, 计入) and the {@link FigureCharts} (主要数据同比, investment by
 * category). No such grid sheet, no chart sheet.
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

    /** The sheet's name: it charts more than its source sheet. */
    static String name() {
        return "图表";
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
        XSSFSheet sheet = b.wb.createSheet(name());
        List<Line> lines = programs(source);
        int cols = source.valueColumns().size();
        // over the widest table of the sheet (FigureCharts': four columns)
        b.heading(sheet, sheet.getSheetName(), Math.max(cols, 3));
        Row h = Book.row(sheet, 2);
        Book.text(h, 0, "项目", b.styles.header);
        for (int j = 0; j < cols; j++) {
            Book.text(h, 1 + j, source.valueColumns().get(j), b.styles.header);
        }
        int moneyCol = -1;
        Map<String, BigDecimal> shown = new Shown(b.collection).all(b.c.totals());
        for (int i = 0; i < lines.size(); i++) {
            Row x = Book.row(sheet, 3 + i);
            Book.text(x, 0, lines.get(i).label(), b.styles.text);
            for (int j = 0; j < cols; j++) {
                Field f = lines.get(i).fields().get(j);
                Book.number(x, 1 + j, shown.get(f.id()),
                        b.styles.number(Styles.shown(f.type())));
                moneyCol = f.type() == FieldType.MONEY && moneyCol < 0 ? 1 + j : moneyCol;
            }
        }
        Book.width(sheet, 0, 34);
        for (int j = 0; j < cols; j++) {
            Book.width(sheet, 1 + j, 16);
        }
        int first = 3;
        int last = 3 + lines.size() - 1;
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        chart(drawing, b.whole() + source.valueColumns().get(moneyCol - 1) + "（按项目）",
                List.of(source.valueColumns().get(moneyCol - 1)), first, last, moneyCol,
                last + 2, Axis.PLAIN);
        FigureCharts figures = new FigureCharts(b, drawing);
        figures.investment(figures.yearOnYear(completeness(sheet, drawing, last + 26)));
        Book.width(sheet, 1 + cols, 16);
        Book.printA4(sheet, false, 1);
    }

    /**
     * 报送完成情况 by township: 应报 and 已计入 per township as a table at row {@code top} and a bar
     * chart under it, so the laggards show at a glance.
     *
     * @return the first row free after the chart
     */
    private int completeness(XSSFSheet sheet, XSSFDrawing drawing, int top) {
        sheet.setRowBreak(top - 1);
        Row h = Book.row(sheet, top);
        String[] header = b.words(new String[] {"乡镇", "应报学校数", "计入汇总学校数"});
        for (int j = 0; j < header.length; j++) {
            Book.text(h, j, header[j], b.styles.header);
        }
        int r = top + 1;
        for (GroupTotals g : b.c.byTownship().values()) {
            Row x = Book.row(sheet, r++);
            Book.text(x, 0, g.name(), b.styles.text);
            Book.number(x, 1, BigDecimal.valueOf(g.expected()), b.styles.number(Styles.COUNT));
            Book.number(x, 2, BigDecimal.valueOf(g.counted()), b.styles.number(Styles.COUNT));
        }
        if (r > top + 1) {
            chart(drawing, b.words("各乡镇报送完成情况"), List.of(header[1], header[2]), top + 1,
                    r - 1, 1, r + 1, Axis.PLAIN);
        }
        return r + 25;
    }

    /**
     * How a chart's values read.
     *
     * @param axis the value axis's number format
     * @param labels the format of a label at the end of each bar, or empty for none
     */
    record Axis(String axis, String labels) {
        static final Axis PLAIN = new Axis("#,##0", "");
    }

    /**
     * A horizontal bar chart of the categories in column A, rows {@code first..last}, one series
     * per name from column {@code col} on, placed from row {@code top} to {@code top + 22}.
     */
    static void chart(XSSFDrawing drawing, String title, List<String> series, int first,
            int last, int col, int top, Axis axis) {
        XSSFSheet sheet = drawing.getSheet();
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, 0, top, 3, top + 22);
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText(title);
        chart.setTitleOverlay(false);
        XDDFCategoryAxis programs = chart.createCategoryAxis(AxisPosition.LEFT);
        XDDFValueAxis amounts = chart.createValueAxis(AxisPosition.BOTTOM);
        amounts.setCrosses(AxisCrosses.AUTO_ZERO);
        programs.setOrientation(org.apache.poi.xddf.usermodel.chart.AxisOrientation.MAX_MIN);
        // the names left of the plot, never on a bar that goes below 0 (a fall in 同比)
        programs.setTickLabelPosition(AxisTickLabelPosition.LOW);
        XDDFDataSource<String> cats = XDDFDataSourcesFactory.fromStringCellRange(sheet,
                new CellRangeAddress(first, last, 0, 0));
        XDDFChartData data = chart.createData(ChartTypes.BAR, programs, amounts);
        ((XDDFBarChartData) data).setBarDirection(BarDirection.BAR);
        PresetColor[] colors = {PresetColor.STEEL_BLUE, PresetColor.DARK_ORANGE};
        for (int k = 0; k < series.size(); k++) {
            XDDFNumericalDataSource<Double> vals = XDDFDataSourcesFactory.fromNumericCellRange(
                    sheet, new CellRangeAddress(first, last, col + k, col + k));
            XDDFChartData.Series s = data.addSeries(cats, vals);
            s.setTitle(series.get(k), null);
            XDDFShapeProperties look = new XDDFShapeProperties();
            look.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(
                    colors[k % colors.length])));
            s.setShapeProperties(look);
            if (!axis.labels().isEmpty()) {
                labels(((XDDFBarChartData.Series) s).getCTBarSer(), axis.labels());
            }
        }
        amounts.setNumberFormat(axis.axis());
        data.setVaryColors(false);
        if (series.size() > 1) {
            chart.getOrAddLegend().setPosition(
                    org.apache.poi.xddf.usermodel.chart.LegendPosition.BOTTOM);
        }
        chart.plot(data);
    }

    /** The value at the end of each bar, so a reader need not measure it against the axis. */
    private static void labels(CTBarSer series, String format) {
        CTDLbls l = series.addNewDLbls();
        CTNumFmt f = l.addNewNumFmt();
        f.setFormatCode(format);
        f.setSourceLinked(false);
        l.addNewDLblPos().setVal(STDLblPos.OUT_END);
        l.addNewShowLegendKey().setVal(false);
        l.addNewShowVal().setVal(true);
        l.addNewShowCatName().setVal(false);
        l.addNewShowSerName().setVal(false);
        l.addNewShowPercent().setVal(false);
        l.addNewShowBubbleSize().setVal(false);
    }
}
