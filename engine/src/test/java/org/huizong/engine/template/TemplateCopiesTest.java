package org.huizong.engine.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.huizong.engine.fixtures.IoFixtures;
import org.huizong.engine.model.Roster;
import org.huizong.engine.model.School;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The roster's templates, written from twins, are the bytes each school's own writing gives. */
class TemplateCopiesTest {
    private final TemplateWriter writer = TemplateWriter.of(IoFixtures.collection(),
            IoFixtures.PERIOD);

    @Test
    void everyTemplateOfARosterIsTheBytesOfWritingItAlone(@TempDir Path dir) throws IOException {
        List<School> schools = new ArrayList<>(IoFixtures.demoRoster().schools());
        String[] names = {
            "城关镇第一小学", "城关镇第二小学", // the same width as each other
            "示范县城关镇第一中心小学附属幼儿园分园（东城校区）", // wraps in the info sheet
            "示范县城关镇第一中心小学附属幼儿园分园（东城校区）二部二部二部二部二部二部二部二部",
            "小学", // equals the type, a shared string already
            "城关镇", // equals the township
            "A&B学校", "双语 学校", "第?学校", "校", "X", "0000000000学校", "\uE000学校",
        };
        for (int i = 0; i < names.length; i++) {
            schools.add(new School(String.format("31349900%02d", i), names[i], "小学", "城关镇",
                    i % 2 == 0 ? "公办" : "民办"));
        }
        schools.add(new School("3134990099", "长路小学", "小学", " 长路乡", "公办"));
        Roster roster = new Roster(schools);

        TemplateCopies copies = new TemplateCopies(writer);
        List<Path> files = writer.writeAll(roster, dir);

        for (int i = 0; i < files.size(); i++) {
            School s = roster.schools().get(i);
            byte[] alone = writer.toBytes(s, ReturnData.empty());
            assertThat(Files.readAllBytes(files.get(i))).as(s.code() + " " + s.name())
                    .isEqualTo(alone);
            assertThat(copies.toBytes(s)).as(s.code() + " " + s.name()).isEqualTo(alone);
        }
        // all but the first of each type and ownership, and the 8 strings not replaceable
        assertThat(copies.copied()).isGreaterThan(schools.size() - 16 - 8);
    }

    @Test
    void onlyStringsWrittenAsTheyAreAreReplaced() {
        assertThat(TemplateCopies.replaceable("城关镇第一小学")).isTrue();
        assertThat(TemplateCopies.replaceable("第1号幼儿园")).isTrue();
        assertThat(TemplateCopies.replaceable("A&B学校")).isFalse();
        assertThat(TemplateCopies.replaceable("双语　学校")).isFalse();
        assertThat(TemplateCopies.replaceable("X")).isFalse();
        assertThat(TemplateCopies.replaceable("\uE000学校")).isFalse();
    }
}
