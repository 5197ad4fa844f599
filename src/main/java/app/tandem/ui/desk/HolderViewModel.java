package app.tandem.ui.desk;

import app.tandem.conversation.Assignment;
import app.tandem.conversation.ConversationEvent;
import app.tandem.conversation.ConversationService;
import app.tandem.conversation.Team;
import app.tandem.office.Colleague;
import app.tandem.office.OfficePresence;
import app.tandem.security.Role;
import app.tandem.security.User;
import app.tandem.ui.common.TaskExecutor;
import app.tandem.ui.common.Texts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Who answers the conversation on screen: this person, nobody yet (it waits in a queue, and can be claimed), or
 * someone else (the compose box keeps the draft but is locked, with one sentence why); and how it got there, the
 * moves with their notes, so whoever receives a conversation reads why.
 */
public final class HolderViewModel {

    /** What the person at this desk may do with the conversation on screen. */
    public enum Hold {
        /** Nothing on screen, or not known yet. */
        NONE,
        MINE,
        /** In a queue this person may claim from; a reply claims it too. */
        WAITING,
        /** Someone else has it, or it waits for the supervisors and this person is an agent. */
        ELSEWHERE
    }

    /** One move of the conversation as the pane lists it. */
    public record Move(Instant at, String words) {}

    /** What the holder reads and the claim; all of it may block. */
    public interface Holding {
        Optional<Assignment> assignment(long conversationId);

        /** False when someone else was first. */
        boolean claim(long conversationId, String username);

        List<ConversationEvent> moves(long conversationId);

        /** The office's people, for their display names. */
        List<Colleague> colleagues();

        static Holding of(ConversationService conversations, OfficePresence presence) {
            return new Holding() {
                @Override
                public Optional<Assignment> assignment(long conversationId) {
                    return conversations.assignment(conversationId);
                }

                @Override
                public boolean claim(long conversationId, String username) {
                    return conversations.claim(conversationId, username);
                }

                @Override
                public List<ConversationEvent> moves(long conversationId) {
                    return conversations.moves(conversationId);
                }

                @Override
                public List<Colleague> colleagues() {
                    return presence.colleagues();
                }
            };
        }
    }

    private record Loaded(Optional<Assignment> assignment, List<ConversationEvent> moves, Map<String, String> names) {}

    private final Holding holding;
    private final OnScreen screen;
    private final String me;
    private final boolean supervisor;
    private final TaskExecutor tasks;
    private final Executor io;
    private final Texts texts;
    private final Consumer<Throwable> failures;

    private final ReadOnlyObjectWrapper<Hold> hold = new ReadOnlyObjectWrapper<>(this, "hold", Hold.NONE);
    private final ReadOnlyStringWrapper why = new ReadOnlyStringWrapper(this, "why", "");
    private final ObservableList<Move> moves = FXCollections.observableArrayList();
    private long generation;
    private Runnable onClaimed = () -> { };

    public HolderViewModel(Holding holding, OnScreen screen, User user, TaskExecutor tasks, Executor io, Texts texts,
                           Consumer<Throwable> failures) {
        this.holding = holding;
        this.screen = screen;
        this.me = user.username();
        this.supervisor = user.role().atLeast(Role.SUPERVISOR);
        this.tasks = tasks;
        this.io = io;
        this.texts = texts;
        this.failures = failures;
    }

    /** Runs on the UI thread after a claim from this desk, won or lost (the queue reloads then). */
    void onClaimed(Runnable action) {
        this.onClaimed = action;
    }

    /** Reads who has the conversation on screen, and its moves; an answer for a conversation no longer on screen is dropped. */
    void load(long conversationId) {
        long mine = ++generation;
        tasks.execute(texts.get("activity.holder"), io, () -> {
            List<ConversationEvent> read = holding.moves(conversationId);
            Map<String, String> names = new HashMap<>();
            holding.colleagues().forEach(c -> names.put(c.username(), c.displayName()));
            return new Loaded(holding.assignment(conversationId), read, names);
        }, loaded -> {
            if (mine == generation && screen.isSelected(conversationId)) {
                show(loaded);
            }
        }, failures::accept);
    }

    /** Nothing on screen. */
    void clear() {
        generation++;
        hold.set(Hold.NONE);
        why.set("");
        moves.clear();
    }

    /** Takes the waiting conversation on screen; when a colleague was first, says who and locks the box. */
    public void claim() {
        Optional<Long> onScreen = screen.selected().map(c -> c.id());
        if (onScreen.isEmpty() || hold.get() != Hold.WAITING) {
            return;
        }
        long id = onScreen.get();
        tasks.execute(texts.get("activity.claiming"), io, () -> holding.claim(id, me), won -> {
            onClaimed.run();
            if (screen.isSelected(id)) {
                load(id);
            }
        }, failures::accept);
    }

    private void show(Loaded loaded) {
        Optional<Assignment> a = loaded.assignment();
        List<Move> lines = new ArrayList<>();
        for (ConversationEvent e : loaded.moves()) {
            lines.add(new Move(e.at(), words(e, loaded.names())));
        }
        moves.setAll(lines);
        if (a.isEmpty()) {
            hold.set(Hold.NONE);
            why.set("");
        } else if (a.get().isHeldBy(me)) {
            hold.set(Hold.MINE);
            why.set("");
        } else if (a.get().isWaiting() && (a.get().team() == Team.AGENTS || supervisor)) {
            hold.set(Hold.WAITING);
            why.set("");
        } else if (a.get().isWaiting()) {
            hold.set(Hold.ELSEWHERE);
            why.set(texts.get("holder.supervisors"));
        } else {
            hold.set(Hold.ELSEWHERE);
            String holder = a.get().holder().orElseThrow();
            // The last move names who took it from the queue: said as a race lost, which is what the agent saw.
            boolean tookIt = !loaded.moves().isEmpty() && loaded.moves().get(loaded.moves().size() - 1).kind() == ConversationEvent.Kind.CLAIMED;
            why.set(texts.format(tookIt ? "holder.took" : "holder.has", name(holder, loaded.names())));
        }
    }

    private String words(ConversationEvent e, Map<String, String> names) {
        String actor = e.actor().map(u -> name(u, names)).orElse("");
        String from = e.from().map(u -> name(u, names)).orElse(texts.get("holder.queue"));
        String to = e.to().map(u -> name(u, names)).orElse(texts.get("holder.queue"));
        String said = texts.format("holder.move." + e.kind().name(), actor, from, to);
        return e.note().filter(n -> !n.isBlank()).map(n -> texts.format("holder.note", said, n)).orElse(said);
    }

    private static String name(String username, Map<String, String> names) {
        return names.getOrDefault(username, username);
    }

    public ReadOnlyObjectProperty<Hold> holdProperty() {
        return hold.getReadOnlyProperty();
    }

    /** One sentence when the compose box is locked (someone else has the conversation); empty otherwise. */
    public ReadOnlyStringProperty whyProperty() {
        return why.getReadOnlyProperty();
    }

    /** The conversation's claims, transfers, handoffs and take-overs, oldest first. */
    public ObservableList<Move> moves() {
        return moves;
    }
}
