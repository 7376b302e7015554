package org.huizong.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.huizong.engine.model.Period;
import org.huizong.engine.model.Roster;
import org.huizong.engine.model.School;
import org.huizong.server.store.SchoolAccessStore.IssuedCode;
import org.huizong.server.store.SchoolAccessStore.SignIn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Access codes: typed loosely, valid across collections, ended by a reset or revocation, and
 * wrong codes lock an address, never the school everywhere.
 */
class SchoolAccessStoreTest {
    private static final String SCHOOL = "3134000026";

    /** A clock the test moves by hand. */
    private static final class HandClock extends Clock {
        private Instant now = Instant.parse("2024-06-30T08:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    @Test
    void codesUseNoLookAlikeCharacters() {
        assertThat(SchoolAccessStore.ALPHABET).doesNotContain("0", "O", "1", "I", "L");
        for (int i = 0; i < 200; i++) {
            assertThat(SchoolAccessStore.newCode()).hasSize(8)
                    .matches("[" + SchoolAccessStore.ALPHABET + "]{8}");
        }
        assertThat(SchoolAccessStore.normalize(" abcd-efgh ")).isEqualTo("ABCDEFGH");
        assertThat(SchoolAccessStore.display("ABCDEFGH")).isEqualTo("ABCD-EFGH");
    }

    @Test
    void aCodeOpensTheNewestCollectionAndSurvivesIntoTheNext(@TempDir Path dir) {
        HandClock clock = new HandClock();
        Database db = Database.open("jdbc:sqlite:" + dir.resolve("t.db"));
        try {
            Audit audit = new Audit(db.jdbi(), clock);
            CollectionStore collections = new CollectionStore(db.jdbi(), clock, audit);
            SchoolAccessStore access = new SchoolAccessStore(db.jdbi(), clock, audit);
            long first = collection(collections, "2023H1");
            IssuedCode code = access.issue("admin", List.of(SCHOOL)).get(0);
            SignIn in = access.signIn(SCHOOL, code.accessCode().toLowerCase(Locale.ROOT),
                    "10.0.0.7");
            assertThat(in).isInstanceOf(SignIn.Accepted.class);
            SignIn.Accepted accepted = (SignIn.Accepted) in;
            assertThat(accepted.places()).extracting(p -> p.school().collectionId())
                    .containsExactly(first);
            String secret = access.openSession(accepted.places().get(0).school());
            assertThat(collections.schoolBySecret(secret)).get()
                    .extracting(CollectionStore.SchoolRow::code).isEqualTo(SCHOOL);

            long second = collection(collections, "2024H1");
            SignIn next = access.signIn(SCHOOL, SchoolAccessStore.display(code.accessCode()),
                    "10.0.0.7");
            assertThat(((SignIn.Accepted) next).places()).extracting(p -> p.school()
                    .collectionId()).containsExactly(second, first);

            clock.now = clock.now.plus(SchoolAccessStore.SESSION_LIFETIME).plusSeconds(1);
            assertThat(collections.schoolBySecret(secret)).as("expired session").isEmpty();

            String fresh = access.openSession(((SignIn.Accepted) next).places().get(0).school());
            IssuedCode reset = access.issue("admin", List.of(SCHOOL)).get(0);
            assertThat(access.signIn(SCHOOL, code.accessCode(), "10.0.0.7"))
                    .as("the old code after a reset").isInstanceOf(SignIn.Refused.class);
            assertThat(access.signIn(SCHOOL, reset.accessCode(), "10.0.0.7"))
                    .isInstanceOf(SignIn.Accepted.class);
            access.revoke("admin", SCHOOL);
            assertThat(access.signIn(SCHOOL, reset.accessCode(), "10.0.0.7"))
                    .isInstanceOf(SignIn.Refused.class);
            assertThat(collections.schoolBySecret(fresh)).as("sessions end with the code")
                    .isEmpty();
        } finally {
            db.close();
        }
    }

    @Test
    void wrongCodesLockTheAddressNotTheSchool(@TempDir Path dir) {
        HandClock clock = new HandClock();
        Database db = Database.open("jdbc:sqlite:" + dir.resolve("t.db"));
        try {
            Audit audit = new Audit(db.jdbi(), clock);
            CollectionStore collections = new CollectionStore(db.jdbi(), clock, audit);
            SchoolAccessStore access = new SchoolAccessStore(db.jdbi(), clock, audit);
            collection(collections, "2024H1");
            String code = access.issue("admin", List.of(SCHOOL)).get(0).accessCode();
            for (int i = 0; i < SchoolAccessStore.MAX_FAILURES; i++) {
                assertThat(access.signIn(SCHOOL, "WRONG" + i, "10.0.0.66"))
                        .isInstanceOf(SignIn.Refused.class);
            }
            SignIn attacker = access.signIn(SCHOOL, code, "10.0.0.66");
            assertThat(attacker).isInstanceOf(SignIn.Locked.class);
            assertThat(((SignIn.Locked) attacker).reason()).contains("已暂时锁定");
            assertThat(access.signIn(SCHOOL, code, "10.0.0.7")).as("the school's own office")
                    .isInstanceOf(SignIn.Accepted.class);
            clock.now = clock.now.plus(SchoolAccessStore.LOCKOUT_WINDOW)
                    .plus(Duration.ofSeconds(1));
            assertThat(access.signIn(SCHOOL, code, "10.0.0.66")).as("after the window")
                    .isInstanceOf(SignIn.Accepted.class);
        } finally {
            db.close();
        }
    }

    private static long collection(CollectionStore collections, String period) {
        long id = collections.create("admin", "edu-halfyear", period + " 半年报",
                Period.parse(period), "2024-07-10", null);
        collections.importRoster("admin", id, new Roster(List.of(new School(SCHOOL, "东城镇第二小学",
                "小学", "东城镇", "公办"))), "schools.csv");
        return id;
    }
}
