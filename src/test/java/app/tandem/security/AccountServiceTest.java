package app.tandem.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.store.Database;
import app.tandem.store.JdbcAuditLog;
import app.tandem.store.JdbcUserRepository;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Accounts over a real H2 file; a movable clock tests the lock-out without waiting. */
class AccountServiceTest {

    @TempDir
    Path folder;
    private Database db;
    private AccountService accounts;
    private AuditLog audit;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T09:00:00Z"));

    @BeforeEach
    void open() {
        db = Database.open(folder);
        audit = new JdbcAuditLog(db.dataSource(), clock);
        accounts = new AccountService(new JdbcUserRepository(db.dataSource(), clock), new PasswordHasher(1_000), audit, clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void firstRunCreatesTheAdminOnce() {
        assertTrue(accounts.needsFirstAdmin());
        User admin = accounts.createFirstAdmin("Admin", "Ada Admin", "correct horse".toCharArray());
        assertEquals("admin", admin.username());
        assertEquals(Role.ADMIN, admin.role());
        assertFalse(accounts.needsFirstAdmin());
        assertThrows(IllegalStateException.class, () -> accounts.createFirstAdmin("other", "O", "password1".toCharArray()));
    }

    @Test
    void signInChecksThePassword() {
        accounts.createFirstAdmin("ada", "Ada", "correct horse".toCharArray());
        assertInstanceOf(SignInResult.SignedIn.class, accounts.signIn("ADA ", "correct horse".toCharArray()));
        assertEquals(new SignInResult.WrongPassword(4), accounts.signIn("ada", "wrong".toCharArray()));
        assertInstanceOf(SignInResult.UnknownUser.class, accounts.signIn("nobody", "x".toCharArray()));
    }

    @Test
    void fiveWrongPasswordsLockTheAccountForAWhile() {
        accounts.createFirstAdmin("ada", "Ada", "correct horse".toCharArray());
        for (int i = 0; i < 4; i++) {
            assertInstanceOf(SignInResult.WrongPassword.class, accounts.signIn("ada", "nope".toCharArray()));
        }
        assertInstanceOf(SignInResult.Locked.class, accounts.signIn("ada", "nope".toCharArray()));
        assertInstanceOf(SignInResult.Locked.class, accounts.signIn("ada", "correct horse".toCharArray()),
                "even the right password is refused while locked");
        clock.advance(AccountService.LOCK_DURATION.plus(Duration.ofSeconds(1)));
        assertInstanceOf(SignInResult.SignedIn.class, accounts.signIn("ada", "correct horse".toCharArray()));
        assertTrue(audit.latest(10).stream().anyMatch(e -> e.action().equals("signin.locked")));
    }

    @Test
    void rejectsWeakPasswordsAndBadNames() {
        assertThrows(IllegalArgumentException.class, () -> accounts.createUser("a", "x y", "X", Role.AGENT, "password1".toCharArray()));
        assertThrows(IllegalArgumentException.class, () -> accounts.createUser("a", "bob", "Bob", Role.AGENT, "short".toCharArray()));
        accounts.createUser("a", "bob", "Bob", Role.AGENT, "password1".toCharArray());
        assertThrows(IllegalArgumentException.class, () -> accounts.createUser("a", "bob", "Bob", Role.AGENT, "password1".toCharArray()));
    }

    @Test
    void hashesAreSaltedAndVerifiable() {
        PasswordHasher hasher = new PasswordHasher(1_000);
        String a = hasher.hash("secret-1".toCharArray());
        String b = hasher.hash("secret-1".toCharArray());
        assertFalse(a.equals(b), "salted");
        assertTrue(hasher.matches("secret-1".toCharArray(), a));
        assertFalse(hasher.matches("secret-2".toCharArray(), a));
        assertTrue(a.startsWith("pbkdf2-sha256$1000$"));
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
