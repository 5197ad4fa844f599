package app.tandem.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Runs work off the UI thread and hands the outcome back to it. View models depend on this
 * interface only: the desk uses {@link FxTaskExecutor}, tests one that runs the work at once on the calling thread.
 */
public interface TaskExecutor {

    /**
     * Runs {@code work} on {@code where}; {@code onSuccess} or {@code onFailure} then runs on the UI
     * thread. {@code description} is shown in the status bar while the work runs.
     */
    <T> void execute(String description, Executor where, Callable<T> work, Consumer<? super T> onSuccess,
                     Consumer<? super Throwable> onFailure);

    /** Runs {@code action} on the UI thread (later, when called from another thread). */
    void onUiThread(Runnable action);
}
