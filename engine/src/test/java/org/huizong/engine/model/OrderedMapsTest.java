package org.huizong.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrderedMapsTest {
    private static Map<String, String> source(String... keysAndValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    @Test
    void keepsOrderAndValuesAndReadsLikeTheMapItCopies() {
        Map<String, String> m = source("enrol.b", "2", "enrol.a", "1", "aid.x", null);
        Map<String, String> copy = OrderedMaps.copyOf(m);

        assertThat(copy).isEqualTo(m).hasSameHashCodeAs(m);
        assertThat(new ArrayList<>(copy.keySet())).containsExactly("enrol.b", "enrol.a", "aid.x");
        assertThat(copy.get("enrol.a")).isEqualTo("1");
        assertThat(copy.get("aid.x")).isNull();
        assertThat(copy.containsKey("aid.x")).as("a null value is still a key").isTrue();
        assertThat(copy.containsKey("none")).isFalse();
        assertThat(copy.get("none")).isNull();
        List<String> seen = new ArrayList<>();
        copy.forEach((k, v) -> seen.add(k + "=" + v));
        assertThat(seen).containsExactly("enrol.b=2", "enrol.a=1", "aid.x=null");
        assertThat(copy.toString()).isEqualTo(m.toString());
    }

    @Test
    void refusesEveryChangeAndIsNotChangedByItsSource() {
        Map<String, String> m = source("a", "1");
        Map<String, String> copy = OrderedMaps.copyOf(m);
        m.put("a", "2");

        assertThat(copy).containsEntry("a", "1");
        assertThatThrownBy(() -> copy.put("b", "2"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> copy.remove("a"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> copy.entrySet().iterator().next().setValue("3"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(OrderedMaps.copyOf(copy)).as("not copied twice").isSameAs(copy);
    }

    @Test
    void mapsWithTheSameKeysInTheSameOrderShareOneKeyTable() {
        Map<String, String> a = OrderedMaps.copyOf(source("x.one", "1", "x.two", "2"));
        Map<String, String> b = OrderedMaps.copyOf(source("x.one", "3", "x.two", "4"));
        Map<String, String> swapped = OrderedMaps.copyOf(source("x.two", "4", "x.one", "3"));

        assertThat(OrderedMaps.shareKeys(a, b)).isTrue();
        assertThat(OrderedMaps.shareKeys(a, swapped)).isFalse();
        assertThat(b).containsExactly(Map.entry("x.one", "3"), Map.entry("x.two", "4"));
        assertThat(swapped).containsExactly(Map.entry("x.two", "4"), Map.entry("x.one", "3"));
    }

    @Test
    void anEmptyMapIsEmpty() {
        Map<String, Integer> copy = OrderedMaps.copyOf(Map.of());
        assertThat(copy).isEmpty();
        assertThat(copy.entrySet().iterator().hasNext()).isFalse();
    }
}
