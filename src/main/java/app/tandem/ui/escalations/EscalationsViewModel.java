package app.tandem.ui.escalations;

import app.tandem.assist.escalation.Escalation;
import app.tandem.assist.escalation.EscalationService;
import app.tandem.security.User;
import app.tandem.ui.common.TaskExecutor;
import app.tandem.ui.common.Texts;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The supervisors' list of escalations: newest first, open only by default, refreshed when one is
 * raised or acknowledged anywhere; a supervisor acknowledges one to say it is being handled.
 */
public final class EscalationsViewModel {

    private final EscalationService escalations;
    private final User supervisor;
    private final TaskExecutor tasks;
    private final Executor io;
    private final Texts texts;
    private final ObservableList<Escalation> items = FXCollections.observableArrayList();
    private final BooleanProperty openOnly = new SimpleBooleanProperty(this, "openOnly", true);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final Consumer<Escalation> listener = this::changed;

    public EscalationsViewModel(EscalationService escalations, User supervisor, TaskExecutor tasks, Executor io, Texts texts) {
        if (!supervisor.mayEditKnowledgeBase()) {
            throw new IllegalArgumentException("Only supervisors and admins see the escalation list.");
        }
        this.escalations = escalations;
        this.supervisor = supervisor;
        this.tasks = tasks;
        this.io = io;
        this.texts = texts;
        openOnly.addListener((obs, old, now) -> refresh());
    }

    /** Starts listening for new escalations and loads the list. */
    public void start() {
        escalations.addListener(listener);
        refresh();
    }

    public void dispose() {
        escalations.removeListener(listener);
    }

    /** Runs on the thread that raised or acknowledged the escalation. */
    private void changed(Escalation e) {
        tasks.onUiThread(this::refresh);
    }

    public void refresh() {
        boolean open = openOnly.get();
        tasks.execute(texts.get("activity.escalations"), io, () -> escalations.list(open), this::show,
                e -> message.set(texts.failure("error.background", e)));
    }

    private void show(List<Escalation> loaded) {
        items.setAll(loaded);
    }

    public void acknowledge(Escalation escalation) {
        tasks.execute(texts.get("activity.escalations"), io, () -> escalations.acknowledge(escalation.id(), supervisor.username()),
                done -> {
                    message.set(done ? "" : texts.get("escalations.alreadyAcknowledged"));
                    refresh();
                }, e -> message.set(texts.failure("error.background", e)));
    }

    public ObservableList<Escalation> items() {
        return items;
    }

    public BooleanProperty openOnlyProperty() {
        return openOnly;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
