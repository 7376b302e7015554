package org.huizong.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.huizong.server.store.AccountStore.Login;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failed sign-ins lock a name for the address they came from, and an address for every name,
 * but never the name everywhere: an attacker cannot lock the rightful user out.
 */
class SignInLockoutTest {
    private static final String PASSWORD = "correct-horse-1";

    /** A clock the test moves by hand. */
    private static final class HandClock extends Clock {
        private Instant now = Instant.parse("2024-06-30T08:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    @Test
    void failuresFromOneAddressNeverLockTheNameElsewhere(@TempDir Path dir) {
        HandClock clock = new HandClock();
        Database db = Database.open("jdbc:sqlite:" + dir.resolve("t.db"));
        try {
            AccountStore accounts = new AccountStore(db.jdbi(), clock, new Audit(db.jdbi(), clock));
            accounts.createUser("test", "zhang", "张老师", PASSWORD, false);
            for (int i = 0; i < AccountStore.MAX_FAILURES; i++) {
                assertThat(accounts.login("zhang", "guess" + i, "10.0.0.66"))
                        .isInstanceOf(Login.Refused.class);
            }
            Login attacker = accounts.login("zhang", PASSWORD, "10.0.0.66");
            assertThat(attacker).isInstanceOf(Login.Locked.class);
            assertThat(((Login.Locked) attacker).message()).contains("已暂时锁定");
            assertThat(accounts.login("zhang", PASSWORD, "10.0.0.7"))
                    .as("the rightful user from another address")
                    .isInstanceOf(Login.SignedIn.class);
            clock.now = clock.now.plus(AccountStore.LOCKOUT_WINDOW).plus(Duration.ofSeconds(1));
            assertThat(accounts.login("zhang", PASSWORD, "10.0.0.66"))
                    .as("after the window").isInstanceOf(Login.SignedIn.class);
        } finally {
            db.close();
        }
    }

    @Test
    void anAddressTryingManyNamesIsLockedForEveryName(@TempDir Path dir) {
        HandClock clock = new HandClock();
        Database db = Database.open("jdbc:sqlite:" + dir.resolve("t.db"));
        try {
            AccountStore accounts = new AccountStore(db.jdbi(), clock, new Audit(db.jdbi(), clock));
            accounts.createUser("test", "zhang", "张老师", PASSWORD, false);
            for (int i = 0; i < AccountStore.MAX_FAILURES_PER_ADDRESS; i++) {
                assertThat(accounts.login("name" + i, "guess", "10.0.0.66"))
                        .isInstanceOf(Login.Refused.class);
            }
            Login locked = accounts.login("zhang", PASSWORD, "10.0.0.66");
            assertThat(locked).isInstanceOf(Login.Locked.class);
            assertThat(((Login.Locked) locked).message()).contains("暂时禁止登录");
            assertThat(accounts.login("zhang", PASSWORD, "10.0.0.7"))
                    .isInstanceOf(Login.SignedIn.class);
        } finally {
            db.close();
        }
    }
}
