package org.huizong.engine.template;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.huizong.engine.model.Collection;
import org.huizong.engine.model.Period;
import org.huizong.engine.model.School;
import org.huizong.engine.model.Sheet;
import org.huizong.engine.model.Table;

/**
 * The 填表说明 sheet, first in every template, written for the school clerk who fills it in: what
 * to fill, what the colours mean, units, how to explain a warning, how to submit.
 */
final class InstructionsWriter {
    private static final int TEXT_COL = 1;

    private InstructionsWriter() {
    }

    static void write(XSSFWorkbook wb, TemplateStyles styles, Collection collection,
            Period period, School school) {
        XSSFSheet sheet = wb.createSheet(TemplateWriter.INSTRUCTIONS_SHEET);
        SheetLook.widths(sheet, 3, 92);
        SheetLook.titleRows(sheet, styles, collection.title() + "填表说明",
                FormSheetWriter.subtitle(school, period), TEXT_COL);
        int r = TemplateLayout.HEADER_ROW;
        for (String p : paragraphs(collection, period, school)) {
            Row row = sheet.createRow(r++);
            Cell c = row.createCell(TEXT_COL);
            c.setCellValue(p);
            boolean heading = p.length() > 1 && "一二三四五六七八九".indexOf(p.charAt(0)) >= 0
                    && p.charAt(1) == '、';
            c.setCellStyle(heading ? styles.heading : styles.paragraph);
        }
        SheetLook.fitRows(sheet, TemplateLayout.HEADER_ROW, r - 1);
        SheetLook.print(sheet, -1, 0, false);
        SheetLook.protect(sheet, TemplateWriter.PASSWORD);
    }

    static List<String> paragraphs(Collection collection, Period period, School school) {
        List<String> p = new ArrayList<>();
        p.add("一、填什么");
        p.add("本工作簿是" + school.name() + "的" + period.describe()
                + collection.title() + "，请按实际情况逐表填写：");
        int n = 1;
        for (Sheet s : collection.sheets()) {
            p.add("    " + n++ + ". " + s.title());
        }
        p.add("    " + n + ". " + TemplateWriter.CHECK_SHEET + "：列出全部校验规则及其即时结果，出现警告时"
                + "在此写说明。");
        p.add("二、单元格颜色");
        p.add("    浅黄色：需要填写的单元格。选中单元格时会显示填写提示，填写不符合要求时会提示并拒绝。");
        p.add("    浅灰色：学校名称、学校标识码等已根据学校名单预填，不能修改；如有错误请联系县教育局。");
        p.add("    浅绿色：合计等由表格自动计算，不需填写。");
        p.add("    深灰色：本校类型（" + school.type() + "）不填的项目，请保持空白。");
        p.add("    红色、橙色：填写后未通过校验的单元格，红色为错误，橙色为警告，原因见“"
                + TemplateWriter.CHECK_SHEET + "”表。");
        p.add("三、填写要求");
        p.add("    1. 人数、次数、件数等填整数。没有发生的填0，不要填“无”“—”，也不要留空。");
        p.add("    2. 金额一律以“万元”为单位，最多保留4位小数（精确到元）。例如：12345元填1.2345，"
                + "500元填0.05。");
        p.add("    3. 面积以“平方米”为单位，最多保留2位小数。");
        p.add("    4. 只填数字，不要填写“约300”“300余”“1.2万”“3人”等文字或单位，否则报表不能通过校验。");
        p.add("    5. 有下拉箭头的单元格，请从列表中选择。");
        p.add("    6. 联系电话填11位手机号，或带区号的固定电话，如0555-1234567。");
        int item = 7;
        for (Table t : collection.tables()) {
            p.add("    " + item++ + ". " + sheetOf(collection, t) + "：每个项目填一行，最多" + t.rows()
                    + "行，未用的行保持空白；" + String.join("、", t.requiredWhenUsed().stream()
                            .map(k -> t.column(k).label()).toList()) + "必填。");
        }
        p.add("四、校验与说明");
        p.add("    “" + TemplateWriter.CHECK_SHEET + "”表随填写即时显示每条规则的结果（通过、错误、警告）"
                + "和错误、警告的项数，与上传后系统的检查相同；需要上年同期报表或全县数据的规则在上传后检查。"
                + "“错误”必须改正后"
                + "才能通过；“警告”表示数据可能有误，请先核对，如确实无误，请在“"
                + TemplateWriter.CHECK_SHEET + "”表该规则的“说明”列写明原因（不少于6个字），"
                + "例如“本期外聘课后服务教师5人”。");
        p.add("五、注意事项");
        p.add("    工作表已设保护，只有浅黄色单元格可以填写。请勿增加、删除、重命名或移动工作表，"
                + "请勿复制粘贴整张表格，可以调整列宽和行高。");
        p.add("六、如何报送");
        p.add("    填好后按原文件名保存为Excel工作簿（.xlsx）格式；用WPS的请选择“Excel文件(*.xlsx)”。"
                + "不要另存为启用宏的工作簿（.xlsm），不要设置打开密码。然后通过县教育局报表系统上传，"
                + "或按通知要求报送。上传后系统会显示校验结果，有错误的请修改后重新上传。");
        return p;
    }

    private static String sheetOf(Collection collection, Table t) {
        return collection.sheets().stream().filter(s -> s.table().filter(t::equals).isPresent())
                .map(Sheet::title).findFirst().orElse(t.id());
    }
}
