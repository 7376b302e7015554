package org.huizong.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.huizong.engine.model.Collection;
import org.huizong.engine.model.Finding;
import org.huizong.engine.model.Return;
import org.huizong.engine.model.Severity;
import org.huizong.engine.returns.ReturnReader;
import org.huizong.server.returns.ReturnView;
import org.huizong.templates.StandardCollections;
import org.junit.jupiter.api.Test;

/** The review page's figures beside last year's, with the change and the flags. */
class ReviewValuesTest {
    private final Collection edu = StandardCollections.eduHalfyear();

    @Test
    void eachFigureShowsLastYearsTheChangeAndTheOutlierFlag() {
        ReturnReader reader = ReturnReader.of(edu);
        Return now = reader.read("now.xlsx", Fixtures.validReturn(Fixtures.PRIMARY));
        Return before = reader.read("before.xlsx", Fixtures.lastYearsReturn(Fixtures.PRIMARY));
        Finding outlier = Finding.of("outlier.aid_per_student", Severity.WARNING,
                "生均资助金额明显偏离同类学校", "info.students", null);

        String html = ReturnView.values(edu, now, Optional.of(before),
                Map.of("info.students", outlier)).toString();

        String students = html.substring(html.indexOf("data-field=\"info.students\""));
        students = students.substring(0, students.indexOf("</tr>"));
        assertThat(students).contains(Fixtures.lastYearsStudents(Fixtures.PRIMARY)
                .toPlainString()).contains("异常值").contains("生均资助金额明显偏离同类学校")
                .containsPattern("[+−]\\d+\\.\\d%|<td class=\"num\"></td>");
        assertThat(html).contains("上年同期").contains("变化");
        assertThat(ReturnView.values(edu, now, Optional.empty(), Map.of()).toString())
                .as("without last year nothing is added").doesNotContain("上年同期");
    }
}
