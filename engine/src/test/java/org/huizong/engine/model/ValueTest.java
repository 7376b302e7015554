package org.huizong.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ValueTest {
    @Test
    void smallWholeNumbersAreSharedAndEveryNumberKeepsItsValueAndScale() {
        assertThat(Value.of(new BigDecimal("7"))).isSameAs(Value.of(7));
        assertThat(Value.of(new BigDecimal("0"))).isSameAs(Value.of(0));
        assertThat(Value.of(new BigDecimal("1023"))).isSameAs(Value.of(1023));

        for (String typed : new String[] {"7", "0", "1023", "1024", "7.0", "0.5", "-3",
                "12345678901234567890", "1E+3", "0.00"}) {
            Value v = Value.of(new BigDecimal(typed));
            assertThat(v).isEqualTo(new Value.Num(new BigDecimal(typed)));
            assertThat(((Value.Num) v).value().scale()).as(typed)
                    .isEqualTo(new BigDecimal(typed).scale());
            assertThat(v.display()).isEqualTo(new Value.Num(new BigDecimal(typed)).display());
        }
        assertThat(Value.of(new BigDecimal("1024"))).isNotSameAs(Value.of(1024));
        assertThat(Value.of(new BigDecimal("7.0"))).isNotSameAs(Value.of(7));
    }
}
