package app.tandem.app.cli;

import app.tandem.app.DatabaseCredentials;
import app.tandem.app.PostgreSqlSeat;
import app.tandem.store.Database;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tandem migrate --database URL}: brings a PostgreSQL office database up to this Tandem's schema, for its
 * administrator (issue 17). Seats never migrate; an H2 office is migrated by {@code tandem server} as it starts.
 */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = {"Bring a PostgreSQL office database up to this version of Tandem (creates it on an empty database).",
                "One person runs it once per upgrade, before the seats start the new Tandem; a second run at the same time "
                        + "waits for the first (Flyway's lock) and then finds nothing to do.",
                "An office served by `tandem server` needs no migrate: the server upgrades its database when it starts."})
public final class MigrateCommand implements Callable<Integer> {

    @Option(names = "--database", required = true, paramLabel = "URL",
            description = "jdbc:postgresql://HOST[:PORT]/DATABASE (no user or password in it).")
    String database;

    @Option(names = "--credentials", paramLabel = "FILE",
            description = {"A properties file (user=, password=) readable by its owner alone; the user must be allowed to "
                    + "create tables.", "Without it: $" + DatabaseCredentials.USER_VARIABLE + " and $"
                    + DatabaseCredentials.PASSWORD_VARIABLE + "."})
    Path credentials;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PostgreSqlSeat.requireAddress(database);
        DatabaseCredentials login = DatabaseCredentials.of(Optional.ofNullable(credentials), System.getenv());
        try (Database office = Database.connect(database, login.user(), login.password())) {
            out.printf("The office database %s has this Tandem's schema. Seats join it with: tandem join --database %s%n",
                    database, database);
            office.durabilityWarning().ifPresent(w -> out.println("Warning: " + w));
        }
        return 0;
    }
}
