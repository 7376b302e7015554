package org.huizong.engine.io;

import java.nio.file.Path;
import org.huizong.engine.model.Collection;
import org.huizong.engine.model.Period;
import org.huizong.engine.model.Roster;
import org.huizong.engine.model.School;
import org.huizong.engine.spec.CollectionSpecs;

/** The real edu-halfyear spec and demo roster, loaded fresh for each caller (no shared state). */
final class IoFixtures {
    static final Path SPEC =
            Path.of("../templates/src/main/resources/org/huizong/templates/edu-halfyear.yaml");
    static final Path DEMO_ROSTER = Path.of("/work/shared/domain/demo-county/schools.csv");
    static final Period PERIOD = Period.parse("2024H1");

    private IoFixtures() {
    }

    static Collection collection() {
        return CollectionSpecs.load(SPEC);
    }

    static Roster demoRoster() {
        return RosterReader.of(collection()).read(DEMO_ROSTER);
    }

    /** A 完全中学: most fields apply (中学 and 高中 and 义务). */
    static School highSchool() {
        return new School("3134000050", "城关第一中学", "完全中学", "城关镇", "公办");
    }

    static School kindergarten() {
        return new School("3134000001", "东城镇中心幼儿园", "幼儿园", "东城镇", "公办");
    }
}
