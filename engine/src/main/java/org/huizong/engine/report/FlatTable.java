package org.huizong.engine.report;

import cn.idev.excel.FastExcel;
import cn.idev.excel.support.ExcelTypeEnum;
import cn.idev.excel.write.handler.SheetWriteHandler;
import cn.idev.excel.write.handler.WorkbookWriteHandler;
import cn.idev.excel.write.handler.context.WorkbookWriteHandlerContext;
import cn.idev.excel.write.handler.context.SheetWriteHandlerContext;
import cn.idev.excel.write.metadata.style.WriteCellStyle;
import cn.idev.excel.write.metadata.style.WriteFont;
import cn.idev.excel.write.style.HorizontalCellStyleStrategy;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.huizong.engine.xlsx.Zips;

/**
 * One plain table for other programs and for printing (报送情况, 催报 lists, 学校明细 as CSV),
 * written through fastexcel, the maintained successor of the EasyExcel API: an .xlsx with an
 * optional title row above the header, borders, column widths fitted to the text, the header
 * frozen and repeated on every printed A4 page; or a CSV in UTF-8 with a byte order mark so Excel
 * in China opens it as UTF-8. Both are the same bytes for the same table.
 *
 * @param sheetName the .xlsx's sheet name (cut to Excel's 31 characters)
 * @param title the title row above the header, when there is one
 * @param header the column headings
 * @param rows the data; a {@link Number} cell is written as a number, {@code null} as blank
 */
public record FlatTable(String sheetName, Optional<String> title, List<String> header,
        List<List<Object>> rows) {
    /** Excel's longest sheet name. */
    private static final int SHEET_NAME_MAX = 31;
    /** Widest column, in characters: longer text wraps rather than widening the page. */
    private static final int WIDTH_MAX = 40;

    public FlatTable {
        Objects.requireNonNull(sheetName, "sheetName");
        Objects.requireNonNull(title, "title of " + sheetName);
        header = List.copyOf(header);
        List<List<Object>> copy = new ArrayList<>(rows.size());
        for (List<Object> r : rows) {
            copy.add(java.util.Collections.unmodifiableList(new ArrayList<>(r)));
        }
        rows = List.copyOf(copy);
    }

    /** A table with its header on the first row. */
    public static FlatTable of(String sheetName, List<String> header, List<List<Object>> rows) {
        return new FlatTable(sheetName, Optional.empty(), header, rows);
    }

    /** The same table under a title row. */
    public FlatTable titled(String text) {
        return new FlatTable(sheetName, Optional.of(text), header, rows);
    }

    /** The .xlsx bytes. */
    public byte[] toXlsx() {
        ByteArrayOutputStream raw = new ByteArrayOutputStream(16 * 1024);
        List<List<String>> head = new ArrayList<>();
        for (String h : header) {
            head.add(title.map(t -> List.of(t, h)).orElse(List.of(h)));
        }
        FastExcel.write(raw).excelType(ExcelTypeEnum.XLSX).head(head).useDefaultStyle(false)
                .registerWriteHandler(styles()).registerWriteHandler(new PageSetup())
                .registerWriteHandler(new FixedDates())
                .sheet(safeSheetName()).doWrite(rows);
        return Zips.normalize(raw.toByteArray(), Zips.BOOK_STAMP);
    }

    /** Writes the .xlsx. */
    public void writeXlsx(OutputStream out) {
        try {
            out.write(toXlsx());
        } catch (java.io.IOException e) {
            throw new ReportException("无法写出表格 " + sheetName + "：" + e.getMessage(), e);
        }
    }

    /** The CSV bytes: UTF-8 with a byte order mark, CRLF line ends, RFC 4180 quoting. */
    public byte[] toCsv() {
        StringBuilder sb = new StringBuilder("\uFEFF");
        line(sb, new ArrayList<>(header));
        for (List<Object> r : rows) {
            line(sb, r);
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder sb, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            Object v = cells.get(i);
            String s = v == null ? "" : v instanceof java.math.BigDecimal d
                    ? d.toPlainString() : v.toString();
            if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0
                    || s.indexOf('\r') >= 0) {
                s = '"' + s.replace("\"", "\"\"") + '"';
            }
            sb.append(s);
        }
        sb.append("\r\n");
    }

    private String safeSheetName() {
        String name = sheetName.replaceAll("[\\\\/?*\\[\\]:]", "_");
        return name.length() > SHEET_NAME_MAX ? name.substring(0, SHEET_NAME_MAX) : name;
    }

    private static HorizontalCellStyleStrategy styles() {
        WriteCellStyle head = bordered();
        WriteFont bold = new WriteFont();
        bold.setBold(true);
        bold.setFontName("宋体");
        bold.setFontHeightInPoints((short) 11);
        head.setWriteFont(bold);
        head.setHorizontalAlignment(HorizontalAlignment.CENTER);
        WriteCellStyle body = bordered();
        WriteFont plain = new WriteFont();
        plain.setFontName("宋体");
        plain.setFontHeightInPoints((short) 10);
        body.setWriteFont(plain);
        body.setWrapped(true);
        return new HorizontalCellStyleStrategy(head, body);
    }

    private static WriteCellStyle bordered() {
        WriteCellStyle s = new WriteCellStyle();
        s.setBorderTop(BorderStyle.THIN);
        s.setBorderBottom(BorderStyle.THIN);
        s.setBorderLeft(BorderStyle.THIN);
        s.setBorderRight(BorderStyle.THIN);
        s.setVerticalAlignment(VerticalAlignment.CENTER);
        return s;
    }

    /** Column widths from the text, the head rows frozen and repeated, A4 fitted to width. */
    private final class PageSetup implements SheetWriteHandler {
        @Override
        public void afterSheetCreate(SheetWriteHandlerContext context) {
            Sheet sheet = context.getWriteSheetHolder().getSheet();
            for (int c = 0; c < header.size(); c++) {
                sheet.setColumnWidth(c, 256 * (width(c) + 2));
            }
            int headRows = title.isPresent() ? 2 : 1;
            sheet.createFreezePane(0, headRows);
            sheet.setRepeatingRows(new org.apache.poi.ss.util.CellRangeAddress(0, headRows - 1,
                    -1, -1));
            PrintSetup print = sheet.getPrintSetup();
            print.setPaperSize(PrintSetup.A4_PAPERSIZE);
            print.setLandscape(header.size() > 6);
            print.setFitWidth((short) 1);
            print.setFitHeight((short) 0);
            sheet.setAutobreaks(true);
            sheet.setFitToPage(true);
            sheet.getFooter().setCenter("第 &P 页，共 &N 页");
        }

        /** The widest text of column {@code c}, counting a CJK character as two. */
        private int width(int c) {
            int w = displayWidth(header.get(c));
            for (List<Object> r : rows) {
                if (c < r.size() && r.get(c) != null) {
                    w = Math.max(w, displayWidth(String.valueOf(r.get(c))));
                }
            }
            return Math.min(w, WIDTH_MAX);
        }
    }

    /** POI stamps a new workbook with the current time; the same table gives the same bytes. */
    private static final class FixedDates implements WorkbookWriteHandler {
        @Override
        public void afterWorkbookCreate(WorkbookWriteHandlerContext context) {
            Workbook wb = context.getWriteWorkbookHolder().getWorkbook();
            XSSFWorkbook xssf = wb instanceof SXSSFWorkbook s ? s.getXSSFWorkbook()
                    : wb instanceof XSSFWorkbook x ? x : null;
            if (xssf != null) {
                Date stamp = Date.from(Zips.BOOK_STAMP.toInstant(ZoneOffset.UTC));
                xssf.getProperties().getCoreProperties().setCreated(Optional.of(stamp));
                xssf.getProperties().getCoreProperties().setModified(Optional.of(stamp));
            }
        }
    }

    private static int displayWidth(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); i++) {
            w += s.charAt(i) < 0x2E80 ? 1 : 2;
        }
        return w;
    }
}
