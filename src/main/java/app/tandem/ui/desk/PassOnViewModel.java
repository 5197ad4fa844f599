package app.tandem.ui.desk;

import app.tandem.conversation.ConversationService;
import app.tandem.office.Colleague;
import app.tandem.office.OfficePresence;
import app.tandem.security.User;
import app.tandem.ui.common.TaskExecutor;
import app.tandem.ui.common.Texts;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Passing the conversation on screen on, each with a note for whoever takes it next: to a named colleague, back
 * to the agents' queue, or to the supervisors (an escalation made a handoff).
 */
public final class PassOnViewModel {

    /** The moves and the people to move to; all of it may block. */
    public interface Handovers {
        List<Colleague> colleagues();

        void transfer(long conversationId, String from, String to, String note);

        void release(long conversationId, String from, String note);

        void handOff(long conversationId, String from, String note);

        static Handovers of(ConversationService conversations, OfficePresence presence) {
            return new Handovers() {
                @Override
                public List<Colleague> colleagues() {
                    return presence.colleagues();
                }

                @Override
                public void transfer(long conversationId, String from, String to, String note) {
                    conversations.transfer(conversationId, from, to, note);
                }

                @Override
                public void release(long conversationId, String from, String note) {
                    conversations.release(conversationId, from, note);
                }

                @Override
                public void handOff(long conversationId, String from, String note) {
                    conversations.handOff(conversationId, from, note);
                }
            };
        }
    }

    /** Online first (those at a seat now), then by name; offline colleagues stay listed, greyed by the view. */
    static final Comparator<Colleague> ONLINE_FIRST = Comparator.comparing((Colleague c) -> !c.isOnline())
            .thenComparing(Colleague::displayName, String.CASE_INSENSITIVE_ORDER);

    private final Handovers handovers;
    private final OnScreen screen;
    private final String me;
    private final TaskExecutor tasks;
    private final Executor io;
    private final Texts texts;

    public PassOnViewModel(Handovers handovers, OnScreen screen, User user, TaskExecutor tasks, Executor io, Texts texts) {
        this.handovers = handovers;
        this.screen = screen;
        this.me = user.username();
        this.tasks = tasks;
        this.io = io;
        this.texts = texts;
    }

    /** The colleagues a conversation can go to (everyone but this person), online first; {@code onLoaded} on the UI thread. */
    public void colleagues(Consumer<List<Colleague>> onLoaded, Consumer<Throwable> onFailure) {
        tasks.execute(texts.get("activity.colleagues"), io, () -> handovers.colleagues().stream()
                .filter(c -> !c.username().equals(me)).sorted(ONLINE_FIRST).toList(), onLoaded, onFailure);
    }

    public void transfer(String to, String note, Consumer<Throwable> onFailure) {
        move(id -> handovers.transfer(id, me, to, note), onFailure);
    }

    public void release(String note, Consumer<Throwable> onFailure) {
        move(id -> handovers.release(id, me, note), onFailure);
    }

    public void handOff(String note, Consumer<Throwable> onFailure) {
        move(id -> handovers.handOff(id, me, note), onFailure);
    }

    /** The conversation the dialogs are about. */
    public Optional<String> title() {
        return screen.selected().map(c -> c.title());
    }

    // The desk hears the move from the conversation service (conversationMoved) and updates the queue and the box.
    private void move(java.util.function.LongConsumer action, Consumer<Throwable> onFailure) {
        screen.selected().ifPresent(c -> tasks.execute(texts.get("activity.passingOn"), io, () -> {
            action.accept(c.id());
            return null;
        }, done -> { }, onFailure));
    }
}
