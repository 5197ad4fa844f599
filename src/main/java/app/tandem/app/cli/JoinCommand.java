package app.tandem.app.cli;

import app.tandem.app.InstanceLock;
import app.tandem.app.DatabaseCredentials;
import app.tandem.app.OfficeSeat;
import app.tandem.app.PostgreSqlSeat;
import app.tandem.app.Seat;
import app.tandem.store.Database;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code tandem join HOST[:PORT]}: this PC becomes a seat of the office whose server runs {@code tandem
 * server}. The key is typed (not echoed), read from a file, or piped in, never given on the command line,
 * where other users of the PC could read it; it is checked against the server before it is kept.
 */
@Command(name = "join", mixinStandardHelpOptions = true,
        description = {"Make this PC a seat of the office database served by `tandem server` on HOST.",
                "Asks for the office key the server printed at its first start (or reads it from --key-file or standard input).",
                "Or, with --database, a seat of a PostgreSQL office database that `tandem migrate` has set up."})
public final class JoinCommand implements Callable<Integer> {

    @ParentCommand
    TandemCommand parent;

    @Parameters(paramLabel = "HOST[:PORT]", arity = "0..1",
            description = "The office server's name or address, and its port if not the default.")
    String server;

    @Option(names = "--key-file", paramLabel = "FILE", description = "Read the office key from the first line of this file.")
    Path keyFile;

    @Option(names = "--database", paramLabel = "URL",
            description = "A PostgreSQL office database instead: jdbc:postgresql://HOST[:PORT]/DATABASE (no user or password in it).")
    String database;

    @Option(names = "--credentials", paramLabel = "FILE",
            description = {"With --database: a properties file (user=, password=) readable by its owner alone; its path is kept, "
                    + "not its contents.", "Without it the seat reads $" + DatabaseCredentials.USER_VARIABLE + " and $"
                    + DatabaseCredentials.PASSWORD_VARIABLE + " at each start."})
    Path credentials;

    @Override
    public Integer call() throws IOException {
        PrintStream out = System.out;
        Path folder = parent.dataFolder();
        Seat seat = seat();
        // Opened before it is kept: a wrong key, a missing database or another schema is said now, not at the next start.
        try (InstanceLock lock = InstanceLock.acquire(folder); Database office = seat.open()) {
            seat.save(folder);
        }
        out.printf("This PC is now a seat of the %s. Start the desk with: tandem%n", seat.describe());
        if (Files.exists(folder.resolve("tandem.mv.db"))) {
            out.printf("This folder's own database (%s) stays as it is, unused; `tandem leave` goes back to it.%n",
                    folder.resolve("tandem.mv.db"));
        }
        return 0;
    }

    private Seat seat() throws IOException {
        if ((server == null) == (database == null)) {
            throw new IllegalArgumentException("Name the office: tandem join HOST[:PORT] for an office served by tandem server, "
                    + "or tandem join --database URL for a PostgreSQL office database.");
        }
        if (database != null) {
            return new PostgreSqlSeat(database, Optional.ofNullable(credentials));
        }
        if (credentials != null) {
            throw new IllegalArgumentException("--credentials goes with --database; an office served by tandem server takes its key.");
        }
        return OfficeSeat.of(server, key());
    }

    private String key() throws IOException {
        if (keyFile != null) {
            return Files.readAllLines(keyFile, StandardCharsets.UTF_8).stream().findFirst().orElse("");
        }
        Console console = System.console();
        if (console != null) {
            char[] typed = console.readPassword("Office key: ");
            return typed == null ? "" : new String(typed);
        }
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        return line == null ? "" : line;
    }
}
