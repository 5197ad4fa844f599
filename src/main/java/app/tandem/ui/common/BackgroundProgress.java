package app.tandem.ui.common;

import app.tandem.work.Progress;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Progress of one long piece of work, for a view model to show and cancel: the work reports
 * through {@link #progress()} from its thread; the properties change on the UI thread.
 */
public final class BackgroundProgress {

    private final TaskExecutor tasks;
    private final ReadOnlyDoubleWrapper fraction = new ReadOnlyDoubleWrapper(this, "fraction", 0);
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private volatile boolean cancelled;

    public BackgroundProgress(TaskExecutor tasks) {
        this.tasks = tasks;
    }

    /** A fresh start: not cancelled, nothing done. Runs on the UI thread. */
    public Progress start(String what) {
        cancelled = false;
        fraction.set(-1);
        text.set(what);
        running.set(true);
        return new Progress() {
            @Override
            public void update(long done, long total, String message) {
                double f = total <= 0 ? -1 : (double) done / total;
                tasks.onUiThread(() -> {
                    fraction.set(f);
                    text.set(message);
                });
            }

            @Override
            public boolean isCancelled() {
                return cancelled || Thread.currentThread().isInterrupted();
            }
        };
    }

    /** Runs on the UI thread when the work ended, however it ended. */
    public void finished() {
        running.set(false);
        fraction.set(0);
        text.set("");
    }

    /** Asks the work to stop at its next step; what is saved stays as it was. */
    public void cancel() {
        cancelled = true;
    }

    public ReadOnlyDoubleProperty fractionProperty() {
        return fraction.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }
}
