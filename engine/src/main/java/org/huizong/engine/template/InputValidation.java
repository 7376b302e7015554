package org.huizong.engine.template;

import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFDataValidationHelper;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.huizong.engine.model.Field;
import org.huizong.engine.model.FieldType;

/**
 * Data validation for input cells: what Excel lets a clerk type, with a Chinese input prompt
 * (label, unit, limits) and an error alert. Validation is a convenience, not a guarantee (paste
 * and WPS bypass it); the reader and validator check again.
 */
final class InputValidation {
    /** Excel's limits on prompt and error texts. */
    private static final int TITLE_MAX = 32;
    private static final int PROMPT_MAX = 255;
    private static final int ERROR_MAX = 225;
    static final int TEXT_MAX = 100;
    static final int EXPLANATION_MAX = 500;
    static final String NOT_APPLICABLE = "本校类型不填";

    private InputValidation() {
    }

    /**
     * Validates {@code range} for {@code field}.
     *
     * @param topLeft the A1 address of the range's first cell; custom formulas are written for
     *     it and Excel shifts them for the other cells
     */
    static void add(XSSFSheet sheet, Field field, CellRangeAddress range, String topLeft) {
        XSSFDataValidationHelper helper = new XSSFDataValidationHelper(sheet);
        DataValidationConstraint c = switch (field.type()) {
            case COUNT -> helper.createIntegerConstraint(OperatorType.GREATER_OR_EQUAL, "0", null);
            case MONEY, AREA -> helper.createCustomConstraint("AND(ISNUMBER(" + topLeft + "),"
                    + topLeft + ">=0,ROUND(" + topLeft + "," + field.decimals() + ")=" + topLeft
                    + ")");
            case ENUM -> helper.createExplicitListConstraint(field.values().toArray(new String[0]));
            case PHONE -> helper.createCustomConstraint(phoneFormula(topLeft));
            case TEXT -> helper.createTextLengthConstraint(OperatorType.LESS_OR_EQUAL,
                    Integer.toString(TEXT_MAX), null);
        };
        String prompt = prompt(field);
        add(sheet, helper, c, range, field.label(), prompt, "“" + field.label() + "”填写有误。"
                + prompt, field.type() == FieldType.ENUM);
    }

    /** A cell of a field that does not apply to the school's type: any value is refused. */
    static void addNotApplicable(XSSFSheet sheet, Field field, CellRangeAddress range,
            String topLeft, String schoolType) {
        XSSFDataValidationHelper helper = new XSSFDataValidationHelper(sheet);
        add(sheet, helper, helper.createCustomConstraint("LEN(" + topLeft + ")=0"), range,
                field.label(), NOT_APPLICABLE + "（" + schoolType + "不填此项）。",
                "本校类型（" + schoolType + "）不填“" + field.label() + "”，请保持空白。", false);
    }

    /** The 说明 cell of a warning rule on the 校验 sheet. */
    static void addExplanation(XSSFSheet sheet, CellRangeAddress range) {
        XSSFDataValidationHelper helper = new XSSFDataValidationHelper(sheet);
        add(sheet, helper, helper.createTextLengthConstraint(OperatorType.LESS_OR_EQUAL,
                Integer.toString(EXPLANATION_MAX), null), range, "说明",
                "如出现此警告而数据属实，请在此写明原因，不少于6个字。",
                "说明不超过" + EXPLANATION_MAX + "字。", false);
    }

    private static void add(XSSFSheet sheet, XSSFDataValidationHelper helper,
            DataValidationConstraint constraint, CellRangeAddress range, String title,
            String prompt, String error, boolean list) {
        DataValidation dv = helper.createValidation(constraint, new CellRangeAddressList(
                range.getFirstRow(), range.getLastRow(), range.getFirstColumn(),
                range.getLastColumn()));
        dv.setEmptyCellAllowed(true);
        dv.setShowPromptBox(true);
        dv.createPromptBox(cut(title, TITLE_MAX), cut(prompt, PROMPT_MAX));
        dv.setShowErrorBox(true);
        dv.setErrorStyle(DataValidation.ErrorStyle.STOP);
        dv.createErrorBox("填写有误", cut(error, ERROR_MAX));
        if (list) {
            // POI's XSSF flag is inverted: true writes showDropDown="0", which shows the arrow.
            dv.setSuppressDropDownArrow(true);
        }
        sheet.addValidationData(dv);
    }

    /** The input prompt: what to type, unit and limits, then the spec's hint. */
    static String prompt(Field field) {
        StringBuilder sb = new StringBuilder();
        if (field.required()) {
            sb.append("必填。");
        }
        if (!field.unit().isEmpty()) {
            sb.append("单位：").append(field.unit()).append("。");
        }
        sb.append(switch (field.type()) {
            case COUNT -> "请填写0或正整数，没有的填0。";
            case MONEY -> "请填写不小于0的数，最多" + field.decimals() + "位小数（精确到元），"
                    + "如12345元填1.2345。";
            case AREA -> "请填写不小于0的数，最多" + field.decimals() + "位小数。";
            case ENUM -> "请从下拉列表中选择：" + String.join("、", field.values()) + "。";
            case PHONE -> "请填写11位手机号，或带区号的固定电话，如0555-1234567。";
            case TEXT -> "请填写文字，不超过" + TEXT_MAX + "字。";
        });
        if (!field.hint().isEmpty() && field.type() != FieldType.PHONE) {
            sb.append(field.hint()).append(field.hint().endsWith("。") ? "" : "。");
        }
        return sb.toString();
    }

    /**
     * An 11-digit mobile starting with 1, or a landline with area code ({@code 0555-1234567}).
     * Excel has no regular expressions, so the shape is checked with LEN, LEFT and FIND.
     */
    private static String phoneFormula(String a) {
        return "OR(AND(LEN(" + a + ")=11,LEFT(" + a + ",1)=\"1\",ISNUMBER(--" + a + ")),"
                + "AND(LEFT(" + a + ",1)=\"0\",ISNUMBER(FIND(\"-\"," + a + ")),LEN(" + a
                + ")>=11,LEN(" + a + ")<=13,ISNUMBER(--SUBSTITUTE(" + a + ",\"-\",\"\"))))";
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
