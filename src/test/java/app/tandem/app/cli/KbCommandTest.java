package app.tandem.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.app.Tandem;
import app.tandem.kb.Article;
import app.tandem.work.Progress;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code tandem kb export} and {@code tandem kb import} on real data folders. */
class KbCommandTest {

    @TempDir
    Path tmp;

    private record Run(int code, String out) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new TandemCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(new StringWriter(), true));
        int code = cli.execute(args);
        return new Run(code, out.toString());
    }

    @Test
    void exportThenImportIntoAnotherDataFolder() throws IOException {
        Path bundle = tmp.resolve("kb.zip");
        Run export = run("--data-dir", tmp.resolve("a").toString(), "kb", "export", "--out", bundle.toString());
        assertEquals(0, export.code(), export.out());
        assertTrue(export.out().contains("Exported 98 articles"), export.out());

        // Office B: starts with the seeded KB, has edited one article since.
        try (Tandem b = Tandem.start(tmp.resolve("b"), Progress.NONE, false)) {
            Article a = b.knowledgeBase.find("pin-blocked-en").orElseThrow();
            b.knowledgeBase.save(a.withContent(a.title(), "Office B's own words.", a.tags(), a.status()), 1, "bea");
        }
        Run dry = run("--data-dir", tmp.resolve("b").toString(), "kb", "import", bundle.toString(), "--dry-run");
        assertEquals(0, dry.code(), dry.out());
        assertTrue(dry.out().contains("0 new, 0 updated, 0 conflicting, 97 unchanged, 1 older than ours"), dry.out());

        Run fresh = run("--data-dir", tmp.resolve("c").toString(), "kb", "import", bundle.toString(), "--as", "carol");
        assertEquals(0, fresh.code(), fresh.out());
        assertTrue(fresh.out().contains("Imported: 0 new, 0 updated"), "a fresh folder is seeded with the same KB: " + fresh.out());
    }

    @Test
    void aBadFileRefusesTheImportWithExitCode1() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(dir.resolve("ok.md"), "---\nid: ok-en\ntitle: OK\nlanguage: en\n---\nFine.\n");
        Files.writeString(dir.resolve("broken.md"), "no front matter\n");
        Run run = run("--data-dir", tmp.resolve("data").toString(), "kb", "import", dir.toString());
        assertEquals(1, run.code(), run.out());
        assertTrue(run.out().contains("BAD FILE  broken.md: no front matter"), run.out());
        assertTrue(run.out().contains("Nothing was imported"), run.out());
        try (Tandem t = Tandem.start(tmp.resolve("data"), Progress.NONE, false)) {
            assertTrue(t.knowledgeBase.find("ok-en").isEmpty());
        }
        Files.delete(dir.resolve("broken.md"));
        Run ok = run("--data-dir", tmp.resolve("data").toString(), "kb", "import", dir.toString());
        assertEquals(0, ok.code(), ok.out());
        assertTrue(ok.out().contains("Imported: 1 new"), ok.out());
    }
}
