package app.tandem.app.cli;

import app.tandem.app.Seat;
import app.tandem.security.AccountService;
import app.tandem.security.AuditLog;
import app.tandem.security.IntegrationToken;
import app.tandem.security.IntegrationTokens;
import app.tandem.security.PasswordHasher;
import app.tandem.security.SignInResult;
import app.tandem.security.Role;
import app.tandem.store.Database;
import app.tandem.store.JdbcAuditLog;
import app.tandem.store.JdbcIntegrationTokens;
import app.tandem.store.JdbcUserRepository;
import java.io.Console;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code tandem api-token create|list|revoke}: the bearer tokens of the chat platforms that use the API (issue 18),
 * for admins. They act on the database this data folder uses: its own, or on a seat the office's, so an admin can
 * manage the office's tokens from any seat while the office server runs.
 */
@Command(name = "api-token", mixinStandardHelpOptions = true,
        description = {"Create, list and revoke the API tokens of chat platforms (docs/api/openapi.yaml). Admins only:",
                "--admin NAME, with the password typed at the prompt (or $" + ApiTokenCommand.PASSWORD_VARIABLE
                        + " where there is no terminal)."},
        subcommands = {ApiTokenCommand.Create.class, ApiTokenCommand.Listing.class, ApiTokenCommand.Revoke.class})
public final class ApiTokenCommand {

    static final String PASSWORD_VARIABLE = "TANDEM_ADMIN_PASSWORD";

    @ParentCommand
    TandemCommand parent;

    /** Where a password comes from when there is no terminal; the process's environment but in tests. */
    Map<String, String> environment = System.getenv();

    /** What one subcommand does once an admin has signed in. */
    interface Work {
        int run(IntegrationTokens tokens, String admin, PrintWriter out);
    }

    int asAdmin(CommandSpec spec, String admin, Work work) {
        PrintWriter out = spec.commandLine().getOut();
        Clock clock = Clock.systemUTC();
        try (Database db = Seat.of(parent.dataFolder()).map(Seat::open).orElseGet(() -> Database.open(parent.dataFolder()))) {
            AuditLog audit = new JdbcAuditLog(db.dataSource(), clock);
            AccountService accounts = new AccountService(new JdbcUserRepository(db.dataSource(), clock), new PasswordHasher(),
                    audit, clock);
            char[] password = password(System.console(), environment);
            SignInResult result;
            try {
                result = accounts.signIn(admin, password);
            } finally {
                Arrays.fill(password, '\0');
            }
            if (!(result instanceof SignInResult.SignedIn signedIn) || !signedIn.user().role().atLeast(Role.ADMIN)) {
                throw new IllegalArgumentException(result instanceof SignInResult.Locked locked
                        ? "This account is locked until " + locked.until() + "; nothing was changed."
                        : "Only an admin, with the right password, may manage API tokens; nothing was changed.");
            }
            int code = work.run(new IntegrationTokens(new JdbcIntegrationTokens(db.dataSource()), audit, clock),
                    signedIn.user().username(), out);
            out.flush();
            return code;
        }
    }

    private static char[] password(Console console, Map<String, String> environment) {
        if (console != null) {
            char[] typed = console.readPassword("Password for the admin: ");
            return typed == null ? new char[0] : typed;
        }
        String given = environment.get(PASSWORD_VARIABLE);
        if (given == null) {
            throw new IllegalArgumentException("There is no terminal to type the admin's password in; set $"
                    + PASSWORD_VARIABLE + " for this command.");
        }
        return given.toCharArray();
    }

    /** What every subcommand shares: an admin signs in first, then it does its one thing. */
    abstract static class AsAdmin implements Callable<Integer> {

        @ParentCommand
        ApiTokenCommand tokens;

        @Spec
        CommandSpec spec;

        @Option(names = "--admin", required = true, paramLabel = "NAME",
                description = "An admin's user name; the password is asked for.")
        String admin;

        @Override
        public Integer call() {
            return tokens.asAdmin(spec, admin, this::work);
        }

        abstract int work(IntegrationTokens all, String signedIn, PrintWriter out);
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Make a token for one chat platform; it is shown once, store it in the platform's secrets.")
    static final class Create extends AsAdmin {


        @Parameters(paramLabel = "NAME", description = "The integration, e.g. \"WeChat bridge\"")
        String name;

        @Override
        int work(IntegrationTokens all, String signedIn, PrintWriter out) {
            IntegrationTokens.Created created = all.create(signedIn, name);
            out.println("API token " + created.tokenId() + " for " + created.integration() + " (shown once; Tandem keeps only its hash):");
            out.println(created.token());
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The tokens, revoked ones included; never their secrets.")
    static final class Listing extends AsAdmin {


        @Override
        int work(IntegrationTokens all, String signedIn, PrintWriter out) {
            List<IntegrationToken> list = all.list();
            if (list.isEmpty()) {
                out.println("No API tokens yet: tandem api-token create NAME --admin " + signedIn);
            }
            for (IntegrationToken t : list) {
                out.printf("%-12s  %-30s  created %s by %s  %s  %s%n", t.tokenId(), t.integration(), t.createdAt(),
                        t.createdBy(), t.lastUsedAt().map(at -> "last used " + at).orElse("never used"),
                        t.revokedAt().map(at -> "REVOKED " + at + " by " + t.revokedBy().orElse("?")).orElse("active"));
            }
            return 0;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "End a token at once: its next request gets 401. The conversations it opened stay.")
    static final class Revoke extends AsAdmin {


        @Parameters(paramLabel = "ID", description = "The token's id, as `tandem api-token list` shows it")
        String id;

        @Override
        int work(IntegrationTokens all, String signedIn, PrintWriter out) {
            all.revoke(signedIn, id);
            out.println("API token " + id + " is revoked; requests with it are refused from now on.");
            return 0;
        }
    }
}
