package app.tandem.app.cli;

import app.tandem.work.Progress;
import java.io.PrintStream;

/** A one-line text progress bar on standard error, for long commands. */
final class TextProgress implements Progress {

    private static final int WIDTH = 30;
    private final PrintStream out;
    private long lastPercent = -1;

    TextProgress(PrintStream out) {
        this.out = out;
    }

    static TextProgress onStandardError() {
        return new TextProgress(System.err);
    }

    @Override
    public void update(long done, long total, String message) {
        long percent = total <= 0 ? 0 : done * 100 / total;
        if (percent == lastPercent && done != total) {
            return;
        }
        lastPercent = percent;
        int filled = (int) (percent * WIDTH / 100);
        out.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + percent + "% " + message + "   ");
        if (done >= total) {
            out.println();
            lastPercent = -1;
        }
        out.flush();
    }

    @Override
    public boolean isCancelled() {
        return Thread.currentThread().isInterrupted();
    }
}
