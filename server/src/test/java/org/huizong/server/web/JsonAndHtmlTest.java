package org.huizong.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.huizong.engine.findings.JsonText;
import org.junit.jupiter.api.Test;

/** The small JSON and HTML helpers every page and API answer relies on. */
class JsonAndHtmlTest {
    @Test
    void htmlPlaceholdersEscapeEverythingButHtml() {
        Html h = Html.of("<td title=\"{}\">{}</td>{}", "a\"b", "<script>&", Html.raw("<b>ok</b>"));
        assertThat(h.toString())
                .isEqualTo("<td title=\"a&quot;b\">&lt;script&gt;&amp;</td><b>ok</b>");
        assertThatThrownBy(() -> Html.of("{} {}", "one")).hasMessageContaining("more {}");
        assertThatThrownBy(() -> Html.of("{}", "one", "two")).hasMessageContaining("uses 1 of 2");
    }

    @Test
    void jsonRoundTripsNestedValuesAndNeverEmitsALessThanSign() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("text", "学校\"名\"\n<b>");
        m.put("n", new BigDecimal("0.9634"));
        m.put("list", List.of(1, true, "x"));
        m.put("none", null);
        String json = Json.write(m);
        assertThat(json).doesNotContain("<").contains("\\u003cb>");
        @SuppressWarnings("unchecked")
        Map<String, Object> back = (Map<String, Object>) JsonText.parse(json);
        assertThat(back.get("text")).isEqualTo("学校\"名\"\n<b>");
        assertThat(back.get("n")).isEqualTo(new BigDecimal("0.9634"));
        assertThat(back.get("list")).isEqualTo(List.of(new BigDecimal(1), true, "x"));
        assertThat(back).containsEntry("none", null);
        assertThatThrownBy(() -> JsonText.parse("{\"a\":1} x")).hasMessageContaining("unexpected");
    }
}
