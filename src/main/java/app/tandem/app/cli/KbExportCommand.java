package app.tandem.app.cli;

import app.tandem.app.Tandem;
import app.tandem.kb.transfer.KbTransfer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code tandem kb export --out FILE}: the whole knowledge base as a bundle (or folder, CSV, JSON). */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Export every article (all statuses).",
                "FILE.zip: a bundle for another office (manifest.json with sha256 of each file, and the articles);",
                "FILE.csv: question,answer,tags,id,language; FILE.json: an array of articles; anything else: a folder of .md files."})
public final class KbExportCommand implements Callable<Integer> {

    @ParentCommand
    KbCommand kb;

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write (.zip, .csv, .json or a folder)")
    Path out;

    @Option(names = "--as", paramLabel = "NAME", description = "Who the audit log names (default cli:<your login>)")
    String actor;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        try (Tandem tandem = Tandem.start(kb.parent.dataFolder(), TextProgress.onStandardError(), false)) {
            int n;
            try {
                n = tandem.curation.transfer().export(out, KbCommand.actor(actor), TextProgress.onStandardError());
            } catch (IOException e) {
                stdout.println("Could not write " + out.toAbsolutePath() + ": " + e.getMessage());
                stdout.flush();
                return 1;
            }
            stdout.println("Exported " + n + " articles to " + out.toAbsolutePath() + " (" + KbTransfer.formatFor(out) + ")");
            stdout.flush();
            return 0;
        }
    }
}
