package app.tandem.app.cli;

import app.tandem.app.Tandem;
import app.tandem.kb.transfer.ImportProblem;
import app.tandem.kb.transfer.ImportReport;
import app.tandem.kb.transfer.ImportResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code tandem kb import FILE}: prints the report (new, updated, conflicting, unchanged, and every
 * bad file), then imports all or nothing. Conflicts are kept as ours unless {@code --take-theirs}.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import articles from a bundle (.zip), a folder of .md files, a .md, .csv or .json file.",
                "Prints what would change first. If any file is bad, nothing is imported (exit code 1).",
                "Articles that differ from ours and are not a newer version of ours are conflicts: kept as ours unless --take-theirs."})
public final class KbImportCommand implements Callable<Integer> {

    @ParentCommand
    KbCommand kb;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The bundle, folder or file to import")
    Path source;

    @Option(names = "--dry-run", description = "Print the report only; change nothing")
    boolean dryRun;

    @Option(names = "--take-theirs", description = "Replace our conflicting articles with theirs (ours stays in the history)")
    boolean takeTheirs;

    @Option(names = "--as", paramLabel = "NAME", description = "Who the audit log and the versions name (default cli:<your login>)")
    String actor;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        String author = KbCommand.actor(actor);
        try (Tandem tandem = Tandem.start(kb.parent.dataFolder(), TextProgress.onStandardError(), false)) {
            ImportReport report = tandem.curation.transfer().plan(source, author, TextProgress.onStandardError());
            print(report, out);
            if (report.refused()) {
                out.println("Nothing was imported. Fix or remove the files above and import again.");
                out.flush();
                return 1;
            }
            if (dryRun) {
                out.println("Dry run: nothing was imported.");
                out.flush();
                return 0;
            }
            ImportResult result;
            try {
                result = tandem.curation.transfer().apply(source, report, takeTheirs, author, TextProgress.onStandardError());
            } catch (IllegalStateException | app.tandem.kb.transfer.ImportRefusedException e) {
                out.println("Nothing was imported: " + e.getMessage());
                out.flush();
                return 1;
            }
            out.println("Imported: " + result.added() + " new, " + result.updated() + " updated"
                    + (takeTheirs ? ", " + result.conflictsTaken() + " conflicts replaced by theirs"
                    : result.conflictsSkipped() > 0 ? "; " + result.conflictsSkipped()
                    + " conflicts kept as ours (rerun with --take-theirs to replace them)" : "") + ".");
            out.flush();
            return 0;
        }
    }

    static void print(ImportReport report, PrintWriter out) {
        out.println("Import of " + report.source() + ": " + report.summary());
        for (ImportReport.Entry e : report.entries()) {
            if (e.kind() != ImportReport.Kind.UNCHANGED) {
                out.printf("  %-9s %-40s %s%n", e.kind(), e.articleId(),
                        e.kind() == ImportReport.Kind.CONFLICT ? "ours is version " + e.ourVersion() + ", edited here" : "");
            }
        }
        for (ImportProblem p : report.problems()) {
            out.println("  BAD FILE  " + p.where() + ": " + p.reason());
        }
        out.flush();
    }
}
