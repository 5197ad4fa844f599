package app.tandem.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.Slow;
import app.tandem.security.AccountService;
import app.tandem.security.PasswordHasher;
import app.tandem.security.Role;
import app.tandem.store.Database;
import app.tandem.store.JdbcAuditLog;
import app.tandem.store.JdbcUserRepository;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code tandem api-token} on a real data folder, signed in as a real admin (and refused to an agent). */
@Slow
class ApiTokenCommandTest {

    @TempDir
    Path folder;

    private record Run(int code, String out, String err) {}

    private Run run(String password, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new TandemCommand()).setExecutionExceptionHandler(TandemCommand::printError);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        ApiTokenCommand tokens = cli.getSubcommands().get("api-token").getCommand();
        tokens.environment = Map.of(ApiTokenCommand.PASSWORD_VARIABLE, password);
        String[] all = new String[args.length + 2];
        all[0] = "--data-dir";
        all[1] = folder.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        int code = cli.execute(all);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void anAdminCreatesListsAndRevokesATokenAndAnAgentMayNot() {
        try (Database db = Database.open(folder)) {
            Clock clock = Clock.systemUTC();
            AccountService accounts = new AccountService(new JdbcUserRepository(db.dataSource(), clock),
                    new PasswordHasher(1_000), new JdbcAuditLog(db.dataSource(), clock), clock);
            accounts.createFirstAdmin("boss", "Boss", "admin-pass-1".toCharArray());
            accounts.createUser("boss", "alice", "Alice", Role.AGENT, "agent-pass-1".toCharArray());
        }

        Run created = run("admin-pass-1", "api-token", "create", "WeChat bridge", "--admin", "boss");
        assertEquals(0, created.code(), created.err());
        Matcher token = Pattern.compile("tandem_([a-z0-9]{12})_\\S{43}").matcher(created.out());
        assertTrue(token.find(), created.out());
        String id = token.group(1);

        Run listed = run("admin-pass-1", "api-token", "list", "--admin", "boss");
        assertTrue(listed.out().contains(id) && listed.out().contains("WeChat bridge") && listed.out().contains("active"),
                listed.out());
        assertFalse(listed.out().contains(token.group()), "the list never shows a secret");

        Run byAgent = run("agent-pass-1", "api-token", "revoke", id, "--admin", "alice");
        assertEquals(1, byAgent.code());
        assertEquals("tandem: Only an admin, with the right password, may manage API tokens; nothing was changed.\n",
                byAgent.err());
        Run wrongPassword = run("guess", "api-token", "revoke", id, "--admin", "boss");
        assertEquals(1, wrongPassword.code());

        Run revoked = run("admin-pass-1", "api-token", "revoke", id, "--admin", "boss");
        assertEquals(0, revoked.code(), revoked.err());
        assertTrue(run("admin-pass-1", "api-token", "list", "--admin", "boss").out().contains("REVOKED"));
        Run again = run("admin-pass-1", "api-token", "revoke", id, "--admin", "boss");
        assertEquals("tandem: The API token " + id + " was already revoked.\n", again.err());
    }
}
