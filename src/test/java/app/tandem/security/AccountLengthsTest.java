package app.tandem.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.store.Database;
import app.tandem.store.JdbcAuditLog;
import app.tandem.store.JdbcUserRepository;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names longer than their columns (users.username 64, users.display_name 128, audit_log.actor 64) are refused
 * by the service with a sentence that names the limit, before H2 sees them and quotes them back in its error.
 */
class AccountLengthsTest {

    @TempDir
    Path folder;
    private Database db;
    private AccountService accounts;
    private AuditLog audit;

    @BeforeEach
    void open() {
        db = Database.open(folder);
        audit = new JdbcAuditLog(db.dataSource(), Clock.systemUTC());
        accounts = new AccountService(new JdbcUserRepository(db.dataSource(), Clock.systemUTC()), new PasswordHasher(1_000),
                audit, Clock.systemUTC());
        accounts.createFirstAdmin("admin", "Ada Admin", "correct horse".toCharArray());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aSignInNameLongerThanAnyUserNameIsRefusedWithoutEchoingIt() {
        String pasted = "secret-".repeat(20); // 140 characters, as when a password lands in the name field
        int auditBefore = audit.latest(100).size();
        InvalidAccountException refused = assertThrows(InvalidAccountException.class,
                () -> accounts.signIn(pasted, "whatever".toCharArray()));
        assertEquals(InvalidAccountException.Problem.USERNAME_FORMAT, refused.problem());
        assertFalse(refused.getMessage().contains("secret"), refused.getMessage());
        assertFalse(refused.detail().contains("secret"), "the detail the desk may word is not the name either");
        assertEquals(auditBefore, audit.latest(100).size(), "nothing is written for a name no account can have");
    }

    @Test
    void aSignInNameOfSixtyFourCharactersIsStillAnUnknownUser() {
        assertTrue(accounts.signIn("a".repeat(64), "whatever".toCharArray()) instanceof SignInResult.UnknownUser);
    }

    @Test
    void aDisplayNameOverItsColumnIsRefusedAndNoAccountIsMade() {
        String longName = "Ann ".repeat(40).strip(); // 159 characters
        InvalidAccountException refused = assertThrows(InvalidAccountException.class,
                () -> accounts.createUser("admin", "ann", longName, Role.AGENT, "correct horse".toCharArray()));
        assertEquals(InvalidAccountException.Problem.DISPLAY_NAME_TOO_LONG, refused.problem());
        assertEquals("128", refused.detail());
        assertEquals("A display name has at most 128 characters.", refused.getMessage());
        assertEquals(1, accounts.users().size());
        assertEquals("ann", accounts.createUser("admin", "ann", "A".repeat(128), Role.AGENT, "correct horse".toCharArray()).username());
    }
}
