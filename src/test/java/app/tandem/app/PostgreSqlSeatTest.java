package app.tandem.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.Slow;
import app.tandem.app.cli.TandemCommand;
import app.tandem.store.Database;
import app.tandem.store.StoreException;
import app.tandem.work.DataFailure;
import app.tandem.work.StartFailure;
import app.tandem.work.StartStep;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Seats of a PostgreSQL office database (issue 17), on a real PostgreSQL (binaries from Maven): the administrator
 * migrates, seats join and never migrate, and credentials stay off the command line and out of other users' reach.
 */
@Slow
class PostgreSqlSeatTest {

    @TempDir
    Path tmp;

    @Test
    void aSeatJoinsOnlyAfterTheAdministratorMigratesAndKeepsThePathNotThePassword() throws IOException {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(tmp.resolve("pg")).start()) {
            String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
            Path credentials = credentials("rw-------");
            PostgreSqlSeat seat = new PostgreSqlSeat(url, Optional.of(credentials));

            StoreException early = assertThrows(StoreException.class, () -> seat.open().close());
            assertEquals(DataFailure.Kind.SCHEMA_DIFFERS, early.kind());
            assertTrue(early.getMessage().startsWith("The office database has schema empty and this Tandem needs schema ")
                    && early.getMessage().contains("run tandem migrate"), early.getMessage());
            assertEquals(StartFailure.Reason.OFFICE_SCHEMA_DIFFERS, StartDiagnosis.diagnose(early, StartStep.OPENING_DATABASE,
                    tmp.resolve("seat"), Optional.empty()).reason(), "the desk's start failure says which side to upgrade");

            Cli migrate = cli("migrate", "--database", url, "--credentials", credentials.toString());
            assertEquals(0, migrate.code, migrate.err);
            assertTrue(migrate.out.contains("has this Tandem's schema"), migrate.out);
            assertEquals(0, cli("migrate", "--database", url, "--credentials", credentials.toString()).code,
                    "a second run finds nothing to do");

            Path folder = tmp.resolve("seat");
            Cli join = cli("--data-dir", folder.toString(), "join", "--database", url, "--credentials", credentials.toString());
            assertEquals(0, join.code, join.err);
            assertEquals(Optional.of(seat), Seat.of(folder));
            String kept = Files.readString(folder.resolve(Seat.FILE));
            assertTrue(kept.contains("credentials=" + credentials.toString().replace(":", "\\:")), kept);
            assertFalse(kept.contains("seat-secret"), "the password stays in the credentials file");
            try (Database office = Seat.of(folder).orElseThrow().open()) {
                assertEquals(Database.Engine.POSTGRESQL, office.engine());
            }
        }
    }

    @Test
    void credentialsOtherUsersCouldReadAreRefusedInOneSentence() throws IOException {
        Path open = credentials("rw-r-----");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> DatabaseCredentials.of(Optional.of(open), Map.of()));
        assertEquals("The credentials file " + open + " may be read by other users of this PC: make it readable by its owner "
                + "alone (chmod 600 " + open + ").", refused.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DatabaseCredentials.of(Optional.empty(), Map.of()))
                .getMessage().startsWith("No credentials for the office database"));
        assertEquals(new DatabaseCredentials("seat", "from-env"), DatabaseCredentials.of(Optional.empty(),
                Map.of(DatabaseCredentials.USER_VARIABLE, "seat", DatabaseCredentials.PASSWORD_VARIABLE, "from-env")));
    }

    @Test
    void anAddressThatCarriesCredentialsIsRefusedWithoutRepeatingThem() {
        Cli join = cli("--data-dir", tmp.resolve("seat").toString(), "join", "--database",
                "jdbc:postgresql://db.branch.local/tandem?user=seat&password=hunter2");
        assertEquals(1, join.code);
        assertTrue(join.err.contains("credentials never go on the command line"), join.err);
        assertFalse(join.err.contains("hunter2"), join.err);
        assertFalse(Files.exists(tmp.resolve("seat").resolve(Seat.FILE)), "nothing is kept");
    }

    private Path credentials(String permissions) throws IOException {
        Path file = tmp.resolve("credentials-" + permissions.replace("-", "_") + ".properties");
        Files.writeString(file, "user=postgres\npassword=seat-secret\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        return file;
    }

    private record Cli(int code, String out, String err) {}

    private static Cli cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new TandemCommand()).setExecutionExceptionHandler(TandemCommand::printError);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Cli(code, out.toString(), err.toString());
    }
}
