package app.tandem.app.cli;

import app.tandem.app.CrashHarness;
import app.tandem.store.Database;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The child JVM of {@code tandem bench crash}: writes through Tandem's repositories until it is killed,
 * printing one line per acknowledged write. It lives in app.cli because only the command line prints.
 */
public final class CrashChild {

    private CrashChild() {}

    /** {@code FOLDER SEED COMMITS write|serve}. */
    public static void main(String[] args) throws InterruptedException {
        PrintStream out = System.out;
        java.util.function.Consumer<String> say = line -> {
            out.println(line);
            // Flushed at once: a line still in the buffer when the kill comes was never acknowledged to the parent.
            out.flush();
        };
        if (args.length > 3 && args[3].equals(CrashHarness.SERVE)) {
            CrashHarness.serveUntilKilled(Path.of(args[0]), say);
        } else {
            CrashHarness.writeUntilKilled(Path.of(args[0]), Long.parseLong(args[1]), Database.Commits.valueOf(args[2]), say);
        }
    }
}
