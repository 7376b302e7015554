package org.huizong.engine.spec;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.huizong.engine.model.FieldType;
import org.huizong.engine.model.Period;

/**
 * The vocabulary of a collection definition workbook: its sheets, their columns (header, width,
 * what goes in, an example), and the Chinese words for types, yes/no and severities. The reader
 * finds columns by header, so a statistician may reorder or widen them.
 */
public final class DefinitionLayout {
    public static final String SETTINGS = "设置";
    public static final String FIELDS = "字段";
    public static final String TABLES = "表格";
    public static final String LISTS = "选项";
    public static final String RULES = "规则";
    public static final String INDICATORS = "指标";
    public static final String NARRATIVE = "总结";
    /** The guide sheet the writer adds; the reader ignores it. */
    public static final String GUIDE = "填写说明";

    public static final String ID = "报表编号";
    public static final String TITLE = "报表名称";
    public static final String VERSION = "版本";
    public static final String PERIOD = "报告期类型";
    public static final String SCHOOL_TYPES = "学校类型";
    public static final String GROUP = "分组";
    public static final String SHEET = "工作表";
    /** The statistical table's furniture (表号 block and signatures), 设置 rows. */
    public static final Map<String, String> FURNITURE = Map.of("表号", "formNumber", "制表机关",
            "compiledBy", "批准机关", "approvedBy", "批准文号", "approvalNumber", "有效期至",
            "validUntil");
    public static final String SIGNATORIES = "签字栏";

    public static final String YES = "是";
    public static final String NO = "否";
    public static final String ERROR = "错误";
    public static final String WARNING = "警告";

    /** Separators of a list in one cell: 幼儿园、小学 (also commas and semicolons). */
    public static final String LIST_SEPARATORS = "[、,，;；]";

    /**
     * One column of a definition sheet.
     *
     * @param header the header cell's text, also how the reader finds the column
     * @param width the column's width in characters
     * @param required whether a row without it is an error
     * @param help what goes in, for the guide and the header's prompt
     * @param example a value, for the guide
     */
    public record Column(String header, int width, boolean required, String help,
            String example) {
    }

    private static final List<Column> FIELD_TAIL = List.of(
            new Column("名称", 26, true, "学校看到的名称", "在校学生数"),
            new Column("类型", 8, true, "整数、金额(万元)、面积(平方米)、文字、选项 或 电话", "整数"),
            new Column("单位", 8, false, "显示单位，可空", "人"),
            new Column("小数位", 7, false, "最多几位小数；空为类型默认（金额4、面积2、其他0）", "0"),
            new Column("必填", 6, false, "是 或 否（空为否）", "是"),
            new Column("适用学校", 30, false, "学校类型或分组，用、分隔；空为全部学校", "小学、初中"),
            new Column("选项", 12, false, "类型为选项时，选项表名称（见“选项”表）", ""),
            new Column("预填", 6, false, "是：由学校名册预填并锁定", "否"),
            new Column("公式", 24, false, "计算字段的表达式（规则语言），学校不填", ""),
            new Column("提示", 30, false, "填写提示中多出的一行", "含附设班"),
            new Column("上限", 10, false, "数值字段的合理上限（含），空为类型默认", ""));

    private static final Map<String, List<Column>> COLUMNS = Map.of(
            SETTINGS, List.of(
                    new Column("项目", 14, true, "报表编号、报表名称、版本、报告期类型、学校类型、分组、"
                            + "工作表，或表头的表号、制表机关、批准机关、批准文号、有效期至、签字栏",
                            "报表编号"),
                    new Column("内容", 40, false, "该项的值；分组、工作表行填编号", "safety-monthly"),
                    new Column("名称", 22, false, "工作表行：工作表标签名（最多31字）", "隐患排查"),
                    new Column("列标题或成员", 40, false,
                            "工作表行：数值列标题，用、分隔（空为“填报数”）；分组行：成员学校类型", "填报数")),
            FIELDS, concat(List.of(
                    new Column(SHEET, 12, true, "所在工作表的编号（见“设置”表的工作表行）", "info"),
                    new Column("行标题", 22, false, "同一行标题的连续字段排在同一行的各数值列；空为每字段一行",
                            ""),
                    new Column("字段编号", 26, true, "小写英文词以点连接，跨版本不变", "info.students"))),
            TABLES, concat(List.of(
                    new Column(SHEET, 12, true, "所在工作表的编号", "projects"),
                    new Column("表格编号", 12, true, "重复表格的编号；列的字段编号为 表格编号.列键", "projects"),
                    new Column("行数", 6, false, "模板提供的空行数（空为20）", "20"),
                    new Column("使用时必填", 8, false, "是：该行一旦填写，本列必须填", "是"),
                    new Column("列键", 14, true, "小写英文", "name"))),
            LISTS, List.of(
                    new Column("选项表", 20, true, "选项表名称，在“字段”“表格”的选项列引用", "项目类别"),
                    new Column("值", 24, true, "一个可选值一行", "新建")),
            RULES, List.of(
                    new Column("编号", 30, true, "规则编号，跨版本不变", "hazards.fixed_le_found"),
                    new Column("级别", 7, true, "错误 或 警告", "错误"),
                    new Column("条件", 24, false, "何时检查（规则语言）；空为总是", ""),
                    new Column("校验式", 40, true, "须成立的表达式（规则语言）",
                            "hazards.fixed <= hazards.found"),
                    new Column("提示信息", 44, true, "不成立时给学校的提示；{字段编号} 显示其值",
                            "已整改隐患数{hazards.fixed}不能多于排查隐患数{hazards.found}"),
                    new Column("表格", 12, false, "逐行检查的重复表格编号；空为整张报表", "")),
            INDICATORS, List.of(
                    new Column("编号", 24, true, "指标编号", "rate.hazards_fixed"),
                    new Column("名称", 20, true, "指标名称", "隐患整改率"),
                    new Column("表达式", 44, true, "由合计计算（规则语言）", "hazards.fixed / hazards.found"),
                    new Column("单位", 8, false, "% 表示百分比", "%"),
                    new Column("小数位", 7, false, "显示几位小数（空为0）", "1"),
                    new Column("适用学校", 20, false,
                            "只按这些学校类型或分组计算（分子分母都是）；空为全部学校", "义务")),
            NARRATIVE, List.of(
                    new Column("段落标题", 24, true, "工作总结的一节标题", "隐患排查整治。"),
                    new Column("内容", 100, true, "该节正文（总结语言，见 narrative-language.md）",
                            "全{area}共排查安全隐患{hazards.found|项}。")));

    private DefinitionLayout() {
    }

    /** The sheets a definition has, in tab order (the guide excluded). */
    public static List<String> sheets() {
        return List.of(SETTINGS, FIELDS, TABLES, LISTS, RULES, INDICATORS, NARRATIVE);
    }

    /** The columns of a sheet of {@link #sheets()}, left to right. */
    public static List<Column> columns(String sheet) {
        List<Column> c = COLUMNS.get(sheet);
        if (c == null) {
            throw new IllegalArgumentException("no definition sheet " + sheet);
        }
        return c;
    }

    public static List<String> headers(String sheet) {
        return columns(sheet).stream().map(Column::header).toList();
    }

    /** The Chinese word of a field type: 整数, 金额, 面积, 文字, 选项, 电话. */
    public static String typeName(FieldType type) {
        return switch (type) {
            case COUNT -> "整数";
            case MONEY -> "金额";
            case AREA -> "面积";
            case TEXT -> "文字";
            case ENUM -> "选项";
            case PHONE -> "电话";
        };
    }

    /** A type by its Chinese word or its spec name ({@code count}); empty when neither. */
    public static Optional<FieldType> findType(String word) {
        for (FieldType t : FieldType.values()) {
            if (typeName(t).equals(word) || t.specName().equals(word.toLowerCase(Locale.ROOT))) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    public static List<String> typeNames() {
        return java.util.Arrays.stream(FieldType.values()).map(DefinitionLayout::typeName).toList();
    }

    public static List<String> periodNames() {
        return java.util.Arrays.stream(Period.Kind.values()).map(Period.Kind::label).toList();
    }

    private static List<Column> concat(List<Column> head) {
        List<Column> out = new java.util.ArrayList<>(head);
        out.addAll(FIELD_TAIL);
        return List.copyOf(out);
    }
}
