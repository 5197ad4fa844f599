package app.tandem.app.cli;

import app.tandem.app.InstanceLock;
import app.tandem.app.OfficeSeat;
import app.tandem.store.Database;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
                "Asks for the office key the server printed at its first start (or reads it from --key-file or standard input)."})
public final class JoinCommand implements Callable<Integer> {

    @ParentCommand
    TandemCommand parent;

    @Parameters(paramLabel = "HOST[:PORT]", description = "The office server's name or address, and its port if not the default.")
    String server;

    @Option(names = "--key-file", paramLabel = "FILE", description = "Read the office key from the first line of this file.")
    Path keyFile;

    @Override
    public Integer call() throws IOException {
        PrintStream out = System.out;
        Path folder = parent.dataFolder();
        OfficeSeat seat = OfficeSeat.of(server, key());
        try (InstanceLock lock = InstanceLock.acquire(folder); Database office = seat.open()) {
            seat.save(folder);
        }
        out.printf("This PC is now a seat of the office at %s:%d. Start the desk with: tandem%n", seat.host(), seat.port());
        if (Files.exists(folder.resolve("tandem.mv.db"))) {
            out.printf("This folder's own database (%s) stays as it is, unused; `tandem leave` goes back to it.%n",
                    folder.resolve("tandem.mv.db"));
        }
        return 0;
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
