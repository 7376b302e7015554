package org.huizong.engine.narrative;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The unit a template writes after a figure ({@code {enrol.zhongkao|名}}): it fixes how the
 * number is rounded and shown.
 *
 * @param kind how the number is rounded and formatted
 * @param word the unit as written after the number; for {@link Kind#MONEY} 万元, which turns
 *     into 亿元 for large sums
 */
record Unit(Kind kind, String word) {
    enum Kind {
        /** Whole numbers: people, schools, items. */
        COUNT,
        /** 万元, up to 4 decimals; 亿元 from 10,000 万元. */
        MONEY,
        /** 平方米, up to 2 decimals. */
        AREA,
        /** A ratio shown in per cent with the indicator's decimals. */
        PERCENT
    }

    /** Every unit a template may use, in the order the language documentation lists them. */
    static final Map<String, Unit> ALL = all();

    private static Map<String, Unit> all() {
        Map<String, Unit> m = new LinkedHashMap<>();
        for (String w : new String[] {"人", "名", "人次", "所", "个", "项", "节", "篇", "次", "件",
            "场次", "起", "位", "批次", "间", "台", "套", "亩"}) {
            m.put(w, new Unit(Kind.COUNT, w));
        }
        m.put("万元", new Unit(Kind.MONEY, "万元"));
        m.put("平方米", new Unit(Kind.AREA, "平方米"));
        m.put("%", new Unit(Kind.PERCENT, "%"));
        return java.util.Collections.unmodifiableMap(m);
    }

    static Optional<Unit> find(String word) {
        return Optional.ofNullable(ALL.get(word));
    }

    /**
     * The kind a collection's own unit implies: {@code %} a percentage, 万元 money, 平方米 area,
     * anything else (人, 人次, 个, none) a count.
     */
    static Kind kindOfSpecUnit(String specUnit) {
        return switch (specUnit) {
            case "%" -> Kind.PERCENT;
            case "万元" -> Kind.MONEY;
            case "平方米" -> Kind.AREA;
            default -> Kind.COUNT;
        };
    }

    /** The value as it will be shown, so that "shows as 0" and "is 0" agree. */
    BigDecimal round(BigDecimal value, int percentDecimals) {
        return switch (kind) {
            case COUNT -> ChineseNumbers.roundCount(value);
            case MONEY -> ChineseNumbers.roundMoney(value);
            case AREA -> ChineseNumbers.roundArea(value);
            case PERCENT -> ChineseNumbers.roundPercent(value, percentDecimals);
        };
    }

    String format(BigDecimal value, int percentDecimals) {
        return switch (kind) {
            case COUNT -> ChineseNumbers.count(value, word);
            case MONEY -> ChineseNumbers.money(value);
            case AREA -> ChineseNumbers.area(value);
            case PERCENT -> ChineseNumbers.percent(value, percentDecimals);
        };
    }
}
