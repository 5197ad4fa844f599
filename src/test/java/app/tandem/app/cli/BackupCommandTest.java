package app.tandem.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.Slow;
import app.tandem.app.InstanceLock;
import app.tandem.store.Database;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code tandem backup} and {@code tandem restore} on real data folders,. */
class BackupCommandTest {

    @TempDir
    Path tmp;

    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new TandemCommand()).setExecutionExceptionHandler(TandemCommand::printError);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void backUpCheckAndRestoreFromTheCommandLine() {
        Path office = tmp.resolve("office");
        Database.open(office).close();
        Path backup = tmp.resolve("office.zip");

        Run taken = run("--data-dir", office.toString(), "backup", backup.toString());
        assertEquals(0, taken.code(), taken.err());
        assertTrue(taken.out().contains("checked."), taken.out());
        Run again = run("--data-dir", office.toString(), "backup", backup.toString());
        assertEquals("tandem: " + backup + " exists already. Choose another file name.\n", again.err());

        Run checked = run("backup", "--check", backup.toString());
        assertEquals(0, checked.code(), checked.err());
        assertTrue(checked.out().startsWith(backup + " is a good backup"), checked.out());

        Run overExisting = run("--data-dir", office.toString(), "restore", backup.toString());
        assertEquals(1, overExisting.code());
        assertTrue(overExisting.err().contains("already holds a database. Add --force"), overExisting.err());

        Run forced = run("--data-dir", office.toString(), "restore", "--force", backup.toString());
        assertEquals(0, forced.code(), forced.err());
        assertTrue(forced.out().contains("The database that was there is kept as " + office.resolve("tandem.mv.db.before-restore-")),
                forced.out());
    }

    @Test
    void aFolderTandemHasOpenIsNeitherRestoredNorBackedUpFromTheCommandLine() {
        Path office = tmp.resolve("office");
        Database.open(office).close();
        Path backup = tmp.resolve("office.zip");
        assertEquals(0, run("--data-dir", office.toString(), "backup", backup.toString()).code());

        try (InstanceLock desk = InstanceLock.acquire(office)) {
            Run restore = run("--data-dir", office.toString(), "restore", "--force", backup.toString());
            assertEquals(1, restore.code());
            assertEquals("tandem: Tandem is open on this folder on this PC (" + office + "); close it first.\n", restore.err());

            Run backUp = run("--data-dir", office.toString(), "backup", tmp.resolve("second.zip").toString());
            assertEquals(1, backUp.code());
            assertTrue(backUp.err().contains("take the backup from its Tools menu"), backUp.err());
        }
        assertTrue(Files.exists(office.resolve("tandem.mv.db")));
        assertTrue(!Files.exists(tmp.resolve("second.zip")));
    }

    @Test
    void aCorruptBackupIsRefusedInOneSentence() throws Exception {
        Path photo = tmp.resolve("photo.zip");
        Files.writeString(photo, "not a zip");
        Run check = run("restore", "--check", photo.toString());
        assertEquals(1, check.code());
        assertEquals("tandem: " + photo + " is not a zip file, so it is not a Tandem backup.\n", check.err());
    }
}
