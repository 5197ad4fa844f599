package app.tandem.app.cli;

import app.tandem.app.Backups;
import app.tandem.backup.RestoredBackup;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code tandem restore FILE [--force]}: a checked backup in place of the data folder's database. */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Restore a backup into the data folder. The backup is checked in full before anything is replaced;",
                "the database, settings and trained models there are kept beside it, renamed *.before-restore-<time>;",
                "the search index is rebuilt at the next start. Close Tandem on this folder first.",
                "--check FILE: only check the backup."})
public final class RestoreCommand implements Callable<Integer> {

    @ParentCommand
    TandemCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The backup (.zip) to restore")
    Path file;

    @Option(names = "--force", description = "Replace a database the data folder already holds (it is kept, renamed)")
    boolean force;

    @Option(names = "--check", description = "Only check FILE; change nothing")
    boolean check;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (check) {
            out.println(BackupCommand.describe(Backups.check(file, TextProgress.onStandardError())));
            out.flush();
            return 0;
        }
        RestoredBackup restored = Backups.restore(file, parent.dataFolder(), force, TextProgress.onStandardError());
        out.println("Restored " + file.toAbsolutePath() + " (made " + restored.manifest().createdAt() + ", "
                + restored.manifest().rows() + " rows) into " + parent.dataFolder() + ".");
        restored.keptDatabase().ifPresent(p -> out.println("The database that was there is kept as " + p + "."));
        restored.keptFiles().stream().filter(p -> restored.keptDatabase().map(d -> !d.equals(p)).orElse(true))
                .forEach(p -> out.println("Kept " + p + "."));
        out.println("The search index is rebuilt from the restored database when Tandem next starts.");
        out.flush();
        return 0;
    }
}
