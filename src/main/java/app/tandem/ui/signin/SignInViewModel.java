package app.tandem.ui.signin;

import app.tandem.security.AccountService;
import app.tandem.security.SignInResult;
import app.tandem.security.User;
import app.tandem.ui.common.Formats;
import app.tandem.ui.common.TaskExecutor;
import app.tandem.ui.common.Texts;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Sign-in and, on a fresh data folder, creating the first administrator. Password hashing is slow
 * on purpose (about half a second), so both run on the I/O executor.
 */
public final class SignInViewModel {

    public enum State { IDLE, WORKING, ERROR }

    private final AccountService accounts;
    private final TaskExecutor tasks;
    private final Executor io;
    private final Texts texts;
    private final ZoneId zone;
    private final Consumer<User> onSignedIn;

    private final StringProperty username = new SimpleStringProperty(this, "username", "");
    private final StringProperty displayName = new SimpleStringProperty(this, "displayName", "");
    private final ObjectProperty<char[]> password = new SimpleObjectProperty<>(this, "password", new char[0]);
    private final ObjectProperty<char[]> confirmation = new SimpleObjectProperty<>(this, "confirmation", new char[0]);
    private final BooleanProperty firstRun = new SimpleBooleanProperty(this, "firstRun");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.IDLE);
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper(this, "working");

    /** {@code onSignedIn} runs on the UI thread once a person is signed in. */
    public SignInViewModel(AccountService accounts, TaskExecutor tasks, Executor io, Texts texts, ZoneId zone,
                           boolean needsFirstAdmin, Consumer<User> onSignedIn) {
        this.accounts = accounts;
        this.tasks = tasks;
        this.io = io;
        this.texts = texts;
        this.zone = zone;
        this.onSignedIn = onSignedIn;
        firstRun.set(needsFirstAdmin);
        working.bind(state.isEqualTo(State.WORKING));
    }

    public void signIn() {
        if (working.get()) {
            return;
        }
        String name = username.get().strip();
        char[] pw = password.get().clone();
        if (name.isEmpty() || pw.length == 0) {
            fail(texts.get("signIn.missing"));
            return;
        }
        state.set(State.WORKING);
        message.set("");
        tasks.execute(texts.get("signIn.working"), io, () -> {
            try {
                return accounts.signIn(name, pw);
            } finally {
                Arrays.fill(pw, '\0');
            }
        }, this::signInDone, e -> fail(texts.failure("signIn.failed", e)));
    }

    private void signInDone(SignInResult result) {
        if (result instanceof SignInResult.SignedIn s) {
            state.set(State.IDLE);
            clearPasswords();
            onSignedIn.accept(s.user());
        } else if (result instanceof SignInResult.WrongPassword w) {
            fail(texts.format("signIn.wrongPassword", w.attemptsLeft()));
        } else if (result instanceof SignInResult.Locked l) {
            fail(texts.format("signIn.locked", lockedUntil(l.until())));
        } else {
            fail(texts.format("signIn.unknownUser", username.get().strip()));
        }
    }

    private String lockedUntil(Instant until) {
        return Formats.time(until, zone);
    }

    public void createFirstAdmin() {
        if (working.get()) {
            return;
        }
        if (!Arrays.equals(password.get(), confirmation.get())) {
            fail(texts.get("firstRun.mismatch"));
            return;
        }
        String name = username.get();
        String display = displayName.get();
        char[] pw = password.get().clone();
        state.set(State.WORKING);
        message.set("");
        tasks.execute(texts.get("firstRun.working"), io, () -> {
            try {
                return accounts.createFirstAdmin(name, display, pw);
            } finally {
                Arrays.fill(pw, '\0');
            }
        }, user -> {
            state.set(State.IDLE);
            clearPasswords();
            firstRun.set(false);
            onSignedIn.accept(user);
        }, e -> fail(texts.failure(e)));
    }

    private void fail(String why) {
        message.set(why == null ? texts.get("error.unknown") : why);
        state.set(State.ERROR);
    }

    private void clearPasswords() {
        Arrays.fill(password.get(), '\0');
        Arrays.fill(confirmation.get(), '\0');
        password.set(new char[0]);
        confirmation.set(new char[0]);
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty displayNameProperty() {
        return displayName;
    }

    /** The password as typed; the view sets it from its password field. */
    public ObjectProperty<char[]> passwordProperty() {
        return password;
    }

    public ObjectProperty<char[]> confirmationProperty() {
        return confirmation;
    }

    public BooleanProperty firstRunProperty() {
        return firstRun;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty workingProperty() {
        return working.getReadOnlyProperty();
    }
}
