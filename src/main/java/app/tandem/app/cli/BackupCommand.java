package app.tandem.app.cli;

import app.tandem.app.Backups;
import app.tandem.backup.CheckedBackup;
import app.tandem.backup.OfficeBackups;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code tandem backup FILE}: the data folder's database, settings and trained models in one checked zip. */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Back up the data folder (database, settings, trained models) into FILE, then check the backup.",
                "While the desk is open on the folder, back up from its Tools menu or let the scheduled backups run.",
                "--check FILE: check an existing backup (manifest, checksums, the database opens and holds its rows)."})
public final class BackupCommand implements Callable<Integer> {

    @ParentCommand
    TandemCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The backup to write (a .zip; refused if it exists), or with --check to check")
    Path file;

    @Option(names = "--check", description = "Check FILE instead of writing it")
    boolean check;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (check) {
            CheckedBackup checked = Backups.check(file, TextProgress.onStandardError());
            out.println(describe(checked));
            out.flush();
            return 0;
        }
        long started = System.nanoTime();
        OfficeBackups.Taken taken = Backups.backUpClosedFolder(parent.dataFolder(), file, TextProgress.onStandardError());
        out.printf(Locale.ROOT, "Backed up %s to %s (%.1f MB, %d rows in %d tables, schema version %s) in %.1f s; checked.%n",
                parent.dataFolder(), taken.file(), taken.bytes() / 1e6, taken.manifest().rows(), taken.manifest().rowCounts().size(),
                taken.manifest().schemaVersion(), (System.nanoTime() - started) / 1e9);
        out.flush();
        return 0;
    }

    static String describe(CheckedBackup checked) {
        return String.format(Locale.ROOT, "%s is a good backup: made %s by Tandem %s, schema version %s, %d rows in %d tables, %d files.",
                checked.file().toAbsolutePath(), checked.manifest().createdAt(), checked.manifest().tandemVersion(),
                checked.manifest().schemaVersion(), checked.manifest().rows(), checked.manifest().rowCounts().size(),
                checked.manifest().sha256().size());
    }
}
