package app.tandem.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wraps each piece of work in a {@link Task} on the executor it names; the task's handlers run on
 * the FX thread. Counts running work so the status bar can say what is going on.
 */
public final class FxTaskExecutor implements TaskExecutor {

    private static final Logger log = LoggerFactory.getLogger(FxTaskExecutor.class);

    private final ReadOnlyIntegerWrapper running = new ReadOnlyIntegerWrapper(this, "running");
    private final ReadOnlyStringWrapper activity = new ReadOnlyStringWrapper(this, "activity", "");

    @Override
    public <T> void execute(String description, Executor where, Callable<T> work, Consumer<? super T> onSuccess,
                            Consumer<? super Throwable> onFailure) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        task.setOnSucceeded(e -> {
            finished();
            onSuccess.accept(task.getValue());
        });
        task.setOnFailed(e -> {
            finished();
            Throwable error = task.getException();
            log.debug("{} failed", description, error);
            onFailure.accept(error);
        });
        task.setOnCancelled(e -> finished());
        onUiThread(() -> {
            running.set(running.get() + 1);
            activity.set(description);
        });
        try {
            where.execute(task);
        } catch (RejectedExecutionException e) {
            // The backend is shutting down; nothing the person can do about it.
            log.debug("{} not run: executor is shut down", description);
            onUiThread(this::finished);
        }
    }

    private void finished() {
        running.set(Math.max(0, running.get() - 1));
        if (running.get() == 0) {
            activity.set("");
        }
    }

    @Override
    public void onUiThread(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    /** How many pieces of work are running; read on the FX thread. */
    public ReadOnlyIntegerProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** What the latest piece of work is doing, empty when idle. */
    public ReadOnlyStringProperty activityProperty() {
        return activity.getReadOnlyProperty();
    }
}
