package app.tandem.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.tandem.security.PasswordHasher;
import app.tandem.store.StoreException;
import app.tandem.work.Progress;
import app.tandem.work.StartFailure;
import app.tandem.work.StartFailure.Reason;
import app.tandem.work.StartStep;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What failed when the data folder would not open: the known exceptions, each to its reason and its file. */
class StartDiagnosisTest {

    @TempDir
    Path folder;

    private final Optional<Path> log = Optional.of(Path.of("/home/ann/.tandem/logs/tandem.log"));

    private StartFailure diagnose(Throwable e, StartStep step) {
        return StartDiagnosis.diagnose(e, step, folder, log);
    }

    @Test
    void aFolderAnotherTandemHoldsIsNamed() {
        try (InstanceLock first = InstanceLock.acquire(folder)) {
            RuntimeException e = assertThrows(RuntimeException.class, () -> InstanceLock.acquire(folder));
            StartFailure f = diagnose(e, StartStep.OPENING_DATABASE);
            assertEquals(Reason.FOLDER_IN_USE, f.reason());
            assertEquals(folder, f.where());
        }
    }

    @Test
    void aSeatThatCannotReachItsOfficeServerIsToldSoNotAboutAFileItDoesNotHave() throws IOException {
        Files.writeString(folder.resolve(OfficeSeat.FILE), "server=branch-pc:9092\nkey=X\n");
        StoreException unreachable = new StoreException("The office database server cannot be reached: Connection refused", null);
        StartFailure f = diagnose(unreachable, StartStep.OPENING_DATABASE);
        assertEquals(Reason.OFFICE_NOT_REACHED, f.reason());
        assertEquals(folder.resolve(OfficeSeat.FILE), f.where());
    }

    @Test
    void theDatabaseThatWouldNotOpenIsNamedWithItsPath() {
        StartFailure f = diagnose(new StoreException("The database file is damaged: checksum", null), StartStep.OPENING_DATABASE);
        assertEquals(Reason.DATABASE_NOT_OPENED, f.reason());
        assertEquals(folder.resolve("tandem.mv.db"), f.where());
        assertEquals("The database file is damaged: checksum", f.detail());
        assertEquals(log, f.log());
    }

    @Test
    void aFailedMigrationIsToldApartFromAnUnopenedDatabase() {
        StoreException e = new StoreException("The database could not be upgraded: V7 failed",
                new FlywayException("V7 failed"));
        StartFailure f = diagnose(e, StartStep.OPENING_DATABASE);
        assertEquals(Reason.MIGRATION_FAILED, f.reason());
        assertEquals(folder.resolve("tandem.mv.db"), f.where());
    }

    @Test
    void aFullDiskIsToldWhicheverPartNoticedIt() {
        IOException enospc = new IOException("No space left on device");
        assertEquals(Reason.DISK_FULL, diagnose(new UncheckedIOException("Cannot write", enospc), StartStep.LOADING).reason());
        assertEquals(Reason.DISK_FULL, diagnose(new StoreException("Could not open the database: IO Exception: "
                + "\"java.io.IOException: No space left on device\"", null), StartStep.OPENING_DATABASE).reason());
        assertEquals(Reason.DISK_FULL, diagnose(new IndexUnavailableException(folder.resolve("index"),
                new UncheckedIOException(enospc)), StartStep.OPENING_DATABASE).reason());
    }

    @Test
    void aFileTheSystemRefusesIsNamed() {
        Path lock = folder.resolve("tandem.lock");
        StartFailure f = diagnose(new UncheckedIOException("Cannot use the data folder " + folder,
                new AccessDeniedException(lock.toString())), StartStep.OPENING_DATABASE);
        assertEquals(Reason.NO_ACCESS, f.reason());
        assertEquals(lock, f.where());

        StartFailure readOnly = diagnose(new UncheckedIOException(new FileSystemException(folder.toString(), null,
                "Read-only file system")), StartStep.OPENING_DATABASE);
        assertEquals(Reason.NO_ACCESS, readOnly.reason());
        assertEquals(folder, readOnly.where());
    }

    @Test
    void theIndexIsNamedWhenItCouldNotBeOpenedOrRebuilt() {
        StartFailure open = diagnose(new IndexUnavailableException(folder.resolve("index"),
                new IllegalStateException("segments_3 is corrupt")), StartStep.OPENING_DATABASE);
        assertEquals(Reason.INDEX_FAILED, open.reason());
        assertEquals(folder.resolve("index"), open.where());

        StartFailure rebuild = diagnose(new IllegalStateException("too many open files"), StartStep.REBUILDING_INDEX);
        assertEquals(Reason.INDEX_FAILED, rebuild.reason());
        assertEquals(folder.resolve("index"), rebuild.where());
    }

    @Test
    void anythingElseIsToldWithTheStepThatWasRunning() {
        StartFailure f = diagnose(new IllegalStateException("no sample customers"), StartStep.LOADING);
        assertEquals(new StartFailure(Reason.UNKNOWN, StartStep.LOADING, folder, "no sample customers", log), f);
        assertEquals("NullPointerException", diagnose(new NullPointerException(), StartStep.READY).detail(),
                "an exception without a message is named by its type");
    }

    /** The real start over a damaged database file and over an index folder that cannot be made. */
    @Test
    void realStartFailuresAreDiagnosed() throws IOException {
        Files.write(folder.resolve("tandem.mv.db"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
        DeskStarter.StepWatch steps = new DeskStarter.StepWatch(Progress.NONE);
        RuntimeException damaged = assertThrows(RuntimeException.class, () -> Tandem.start(folder, steps,
                new PasswordHasher(1_000), Clock.systemUTC(), false));
        StartFailure f = StartDiagnosis.diagnose(damaged, steps.last(), folder, log);
        assertEquals(Reason.DATABASE_NOT_OPENED, f.reason(), damaged.toString());
        assertEquals(StartStep.OPENING_DATABASE, f.step());

        Path other = Files.createDirectories(folder.resolve("other"));
        Files.writeString(other.resolve("index"), "a file where the index folder belongs");
        RuntimeException noIndex = assertThrows(RuntimeException.class, () -> Tandem.start(other, Progress.NONE,
                new PasswordHasher(1_000), Clock.systemUTC(), false));
        assertEquals(Reason.INDEX_FAILED, StartDiagnosis.diagnose(noIndex, StartStep.OPENING_DATABASE, other, log).reason(),
                noIndex.toString());
        // What opened before the index is closed again: the folder can be used once the index can.
        Files.delete(other.resolve("index"));
        Tandem.start(other, Progress.NONE, new PasswordHasher(1_000), Clock.systemUTC(), false).close();
    }
}
