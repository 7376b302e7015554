package org.huizong.engine.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The furniture of a statistical table (报表的表头、表脚): the block printed at its top right
 * (表号, 制表机关, 批准机关, 批准文号, 有效期至) and the signatures under it (单位负责人, 统计负责人,
 * 填表人, 报出日期). Declared once per collection; a blank item is not printed.
 *
 * @param formNumber 表号 (教基半1表)
 * @param compiledBy 制表机关
 * @param approvedBy 批准机关
 * @param approvalNumber 批准文号
 * @param validUntil 有效期至 (2026年12月)
 * @param signatories who signs under the table, in order; 报出日期 takes a date
 */
public record Furniture(String formNumber, String compiledBy, String approvedBy,
        String approvalNumber, String validUntil, List<String> signatories) {
    /** The signatures of a statistical table by the statistics rules, in their usual order. */
    public static final List<String> STANDARD_SIGNATORIES = List.of("单位负责人", "统计负责人",
            "填表人", "报出日期");
    /** No block; the standard signatures. */
    public static final Furniture NONE = new Furniture("", "", "", "", "", STANDARD_SIGNATORIES);

    public Furniture {
        formNumber = Objects.requireNonNullElse(formNumber, "").strip();
        compiledBy = Objects.requireNonNullElse(compiledBy, "").strip();
        approvedBy = Objects.requireNonNullElse(approvedBy, "").strip();
        approvalNumber = Objects.requireNonNullElse(approvalNumber, "").strip();
        validUntil = Objects.requireNonNullElse(validUntil, "").strip();
        signatories = List.copyOf(signatories);
    }

    /** The top-right block's items that are declared, each 名称：值 (表号：教基半1表). */
    public List<String> block() {
        List<String> out = new ArrayList<>();
        String[][] items = {{"表　　号", formNumber}, {"制表机关", compiledBy},
            {"批准机关", approvedBy}, {"批准文号", approvalNumber}, {"有效期至", validUntil}};
        for (String[] item : items) {
            if (!item[1].isEmpty()) {
                out.add(item[0] + "：" + item[1]);
            }
        }
        return out;
    }

    /** The signature line: 单位负责人：　　　　统计负责人：…　报出日期：　　年　　月　　日. */
    public String signatureLine() {
        StringBuilder sb = new StringBuilder();
        for (String s : signatories) {
            if (sb.length() > 0) {
                sb.append("　　");
            }
            sb.append(s).append("：").append(s.endsWith("日期") ? "　　年　　月　　日" : "　　　　　　");
        }
        return sb.toString();
    }
}
