package org.huizong.engine.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.huizong.engine.narrative.Paragraph;

/** Summaries to write: the real county's six sections, and a short one. */
final class Summaries {
    static final String TITLE = "示范县教育局2024年上半年工作总结";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-07-10T02:00:00Z"),
            ZoneId.of("Asia/Shanghai"));

    private Summaries() {
    }

    /** The six sections of {@code county-2024H1.txt}, about three and a half pages. */
    static List<Paragraph> county() throws IOException {
        List<Paragraph> paragraphs = new ArrayList<>();
        try (InputStream in = Summaries.class.getResourceAsStream("county-2024H1.txt")) {
            assertThat(in).as("county-2024H1.txt beside " + Summaries.class).isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    int end = line.indexOf('。') + 1;
                    paragraphs.add(new Paragraph(line.substring(0, end), line.substring(end)));
                }
            }
        }
        return paragraphs;
    }

    /** Two sections of the demo county's sentences, and one without heading. */
    static List<Paragraph> demo() {
        return List.of(
                new Paragraph("（一）教育体系持续完善。", "春季学期参与延时服务幼儿4730名。"
                        + "春季学期2140名教师服务学生25884名。参加中考毕业生3427名，比去年减少131人；"
                        + "参加八年级学业水平考试学生3556名。特殊教育学校招收学生3名。"),
                new Paragraph("（二）教育质量持续提升。", "全县54所学校智慧课堂开课7324节。"),
                new Paragraph("", "以上数据根据各校报表汇总生成。"));
    }
}
