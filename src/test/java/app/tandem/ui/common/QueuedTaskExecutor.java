package app.tandem.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/** Holds each piece of background work until the test runs it, so answers can arrive in any order. */
public final class QueuedTaskExecutor implements TaskExecutor {

    private final List<Runnable> waiting = new ArrayList<>();

    @Override
    public <T> void execute(String description, Executor where, Callable<T> work, Consumer<? super T> onSuccess,
                            Consumer<? super Throwable> onFailure) {
        waiting.add(() -> CurrentThreadTaskExecutor.runNow(work, onSuccess, onFailure));
    }

    @Override
    public void onUiThread(Runnable action) {
        action.run();
    }

    public int waiting() {
        return waiting.size();
    }

    /** Runs the {@code index}-th piece still waiting (0: the oldest). */
    public void run(int index) {
        waiting.remove(index).run();
    }

    public void runAll() {
        while (!waiting.isEmpty()) {
            run(0);
        }
    }
}
