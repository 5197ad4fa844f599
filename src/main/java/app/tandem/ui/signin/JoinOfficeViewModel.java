package app.tandem.ui.signin;

import app.tandem.ui.common.TaskExecutor;
import app.tandem.ui.common.Texts;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * "Join an office": the server's address and the office key, tried off the UI thread (a server that does not
 * answer takes a few seconds to say so). On success the data folder is a seat and the desk restarts as one.
 */
public final class JoinOfficeViewModel {

    private final OfficeJoining joining;
    private final TaskExecutor tasks;
    private final Executor io;
    private final Texts texts;

    private final StringProperty server = new SimpleStringProperty(this, "server", "");
    private final StringProperty key = new SimpleStringProperty(this, "key", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper(this, "working");
    /** Where the seat connects once the office accepted this PC; empty before. */
    private final ReadOnlyStringWrapper joined = new ReadOnlyStringWrapper(this, "joined", "");

    public JoinOfficeViewModel(OfficeJoining joining, TaskExecutor tasks, Executor io, Texts texts) {
        this.joining = joining;
        this.tasks = tasks;
        this.io = io;
        this.texts = texts;
    }

    /** True on a solo desk: it may join an office. */
    public boolean offered() {
        return joining.offered();
    }

    /** True on a data folder this start created: the screen says the PC works solo unless it joins an office. */
    public boolean newFolder() {
        return joining.newFolder();
    }

    public void join() {
        if (working.get()) {
            return;
        }
        String address = server.get();
        String officeKey = key.get();
        working.set(true);
        message.set("");
        tasks.execute(texts.get("join.working"), io, () -> joining.join(address, officeKey), where -> {
            working.set(false);
            key.set("");
            joined.set(where);
        }, e -> {
            working.set(false);
            message.set(texts.failure(e));
        });
    }

    public StringProperty serverProperty() {
        return server;
    }

    public StringProperty keyProperty() {
        return key;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty joinedProperty() {
        return joined.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty workingProperty() {
        return working.getReadOnlyProperty();
    }
}
