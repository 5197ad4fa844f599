package app.tandem.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/** Runs everything at once on the calling thread: view-model tests need no FX thread and no waiting. */
public final class CurrentThreadTaskExecutor implements TaskExecutor {

    @Override
    public <T> void execute(String description, Executor where, Callable<T> work, Consumer<? super T> onSuccess,
                            Consumer<? super Throwable> onFailure) {
        runNow(work, onSuccess, onFailure);
    }

    /** One piece of work and its outcome, here and now: what the FX executor does across two threads. */
    static <T> void runNow(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        T result;
        try {
            result = work.call();
        } catch (Exception e) {
            onFailure.accept(e);
            return;
        }
        onSuccess.accept(result);
    }

    @Override
    public void onUiThread(Runnable action) {
        action.run();
    }
}
