package org.huizong.engine.model;

import java.util.Objects;

/**
 * What a template's hidden {@code _meta} sheet says it is.
 *
 * @param kind {@code return} for a school's return, {@code consolidated} for a bureau's book
 *     (readable as one unit's return a level up)
 * @param unitCode the school code, or the unit code of a consolidated book
 */
public record ReturnMeta(String collection, int version, Period period, String unitCode,
        String structureHash, String kind) {
    public static final String KIND_RETURN = "return";
    public static final String KIND_CONSOLIDATED = "consolidated";

    public ReturnMeta {
        Objects.requireNonNull(collection, "collection");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(unitCode, "unitCode");
        Objects.requireNonNull(structureHash, "structureHash");
        Objects.requireNonNull(kind, "kind");
    }
}
