package app.tandem.ui;

import app.tandem.work.Progress;
import java.util.function.Function;

/** Entry point of the desk window (to be built out by the UI work). */
public final class DeskUi {

    private DeskUi() {}

    /**
     * Starts JavaFX, shows start-up progress while {@code backend} opens the data folder off the FX
     * thread, then the sign-in. {@code shutdown} runs once when the last window closes.
     */
    public static void launch(Function<Progress, DeskServices> backend, Runnable shutdown) {
        throw new IllegalStateException("The desk window is not built yet");
    }
}
