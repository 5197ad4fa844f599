package app.tandem.app.cli;

import app.tandem.app.DataFolder;
import app.tandem.app.DeskStarter;
import app.tandem.app.DatabaseCredentials;
import app.tandem.app.DesktopCheck;
import app.tandem.app.OfficeSeat;
import app.tandem.app.PostgreSqlSeat;
import app.tandem.app.Seat;
import app.tandem.store.StoreException;
import app.tandem.work.DataFolderInUseException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code tandem [command]}: no command opens the desk. */
@Command(name = "tandem", mixinStandardHelpOptions = true, version = "Tandem 0.1.0",
        description = "Offline agent-assist desk for customer service. Without a command, opens the desk window.",
        subcommands = {DoctorCommand.class, EvalCommand.class, BenchCommand.class, TrainCommand.class, KbCommand.class,
                BackupCommand.class, RestoreCommand.class, ServerCommand.class, JoinCommand.class, LeaveCommand.class, MigrateCommand.class,
                ApiTokenCommand.class})
public final class TandemCommand implements Callable<Integer> {

    @Option(names = "--data-dir", scope = ScopeType.INHERIT, paramLabel = "FOLDER",
            description = "Data folder (default: $TANDEM_HOME, else ~/.tandem).")
    Path dataDir;

    @Option(names = "--server", paramLabel = "HOST[:PORT]",
            description = {"Start the desk as a seat of the office served by `tandem server` on HOST, for this run.",
                    "The office key comes from this data folder when it joined that server, else from $" + OfficeSeat.KEY_VARIABLE + "."})
    String server;

    @Option(names = "--database", paramLabel = "URL",
            description = {"Start the desk as a seat of a PostgreSQL office database (jdbc:postgresql://HOST[:PORT]/DATABASE), for this run.",
                    "Credentials from --credentials, or from $" + DatabaseCredentials.USER_VARIABLE + " and $"
                            + DatabaseCredentials.PASSWORD_VARIABLE + "; never in the address."})
    String database;

    @Option(names = "--credentials", paramLabel = "FILE",
            description = "With --database: a properties file (user=, password=) readable by its owner alone.")
    Path credentials;

    @Option(names = "--web-port", paramLabel = "PORT",
            description = "Also serve the customer web chat page on this port while the desk runs (off when not given).")
    Integer webPort;

    @Option(names = "--web-bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "With --web-port: the address to listen on (default ${DEFAULT-VALUE}: this PC only; 0.0.0.0: the LAN).")
    String webBind;

    public Path dataFolder() {
        return DataFolder.resolve(Optional.ofNullable(dataDir), System.getenv());
    }

    /**
     * Errors a person can act on (a missing file, bad data, a folder in use, a database that will not open)
     * print as one line, not as a stack trace, with exit code 1; a desk that cannot open a window says why
     * and what to do in its own sentence. Anything else is a bug and keeps its stack trace.
     */
    public static int printError(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult)
            throws Exception {
        if (e instanceof DesktopCheck.DesktopUnavailableException) {
            commandLine.getErr().println(e.getMessage());
            return 1;
        }
        if (e instanceof IllegalArgumentException || e instanceof IllegalStateException
                || e instanceof java.io.UncheckedIOException || e instanceof java.io.IOException
                || e instanceof DataFolderInUseException || e instanceof StoreException) {
            commandLine.getErr().println("tandem: " + e.getMessage());
            return 1;
        }
        throw e;
    }

    @Override
    public Integer call() {
        Optional<InetSocketAddress> webChat = Optional.ofNullable(webPort)
                .map(port -> InetSocketAddress.createUnresolved(webBind, port));
        webChat.ifPresent(a -> System.out.printf("Customer web chat: http://%s:%d/%n", a.getHostString(), a.getPort()));
        DeskStarter.open(dataFolder(), seatForThisRun(), webChat);
        return 0;
    }

    private Optional<Seat> seatForThisRun() {
        if (server != null && database != null) {
            throw new IllegalArgumentException("Give --server (an office served by tandem server) or --database (a PostgreSQL "
                    + "office database), not both.");
        }
        if (credentials != null && database == null) {
            throw new IllegalArgumentException("--credentials goes with --database.");
        }
        if (server != null) {
            return Optional.of(OfficeSeat.forThisRun(server, dataFolder(), System.getenv()));
        }
        if (database != null) {
            return Optional.of(PostgreSqlSeat.forThisRun(database, Optional.ofNullable(credentials), dataFolder()));
        }
        return Optional.empty();
    }
}
