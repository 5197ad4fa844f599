package app.tandem.ui.office;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.tandem.conversation.Assignment;
import app.tandem.conversation.Channel;
import app.tandem.conversation.Conversation;
import app.tandem.conversation.ConversationEvent;
import app.tandem.conversation.ConversationListener;
import app.tandem.conversation.ConversationStatus;
import app.tandem.conversation.QueueEntry;
import app.tandem.conversation.Team;
import app.tandem.office.Colleague;
import app.tandem.office.Presence;
import app.tandem.security.Role;
import app.tandem.security.User;
import app.tandem.ui.common.TaskExecutor;
import app.tandem.ui.common.Texts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The supervisors' live view over a hand-written office: rows, clocks, coalesced reloads, and take-over. */
class OfficeViewModelTest {

    private static final Instant NOW = Instant.parse("2026-03-04T10:00:00Z");
    private static final User SUE = new User(3, "sue", "Sue Supervisor", Role.SUPERVISOR, 0, Optional.empty());
    private static final Executor NOWHERE = r -> {
        throw new AssertionError("work must go through the task executor");
    };

    /** Runs the work at once; the answers wait for {@link #answer}, as they would wait for the UI thread. */
    private static final class HeldTasks implements TaskExecutor {
        final ArrayDeque<Runnable> answers = new ArrayDeque<>();

        @Override
        public <T> void execute(String description, Executor where, Callable<T> work, Consumer<? super T> onSuccess,
                                Consumer<? super Throwable> onFailure) {
            try {
                T result = work.call();
                answers.add(() -> onSuccess.accept(result));
            } catch (Exception e) {
                answers.add(() -> onFailure.accept(e));
            }
        }

        void answer() {
            while (!answers.isEmpty()) {
                answers.poll().run();
            }
        }

        @Override
        public void onUiThread(Runnable action) {
            action.run();
        }
    }

    private static final class Office implements OfficeViewModel.Office {
        final List<QueueEntry> queue = new ArrayList<>();
        final List<ConversationListener> listeners = new ArrayList<>();
        final List<String> takenOver = new ArrayList<>();
        int reads;

        @Override
        public List<QueueEntry> queue() {
            reads++;
            return List.copyOf(queue);
        }

        @Override
        public List<Colleague> colleagues() {
            return List.of(new Colleague("ana", "Ana Agent", Role.AGENT, Optional.of(Presence.BUSY), Optional.of(NOW)),
                    new Colleague("dan", "Dan Gone", Role.AGENT, Optional.empty(), Optional.empty()));
        }

        @Override
        public Optional<String> customerName(String customerId) {
            return Optional.of("Customer " + customerId);
        }

        @Override
        public Optional<String> takeOver(long conversationId, String supervisor) {
            takenOver.add(conversationId + " by " + supervisor);
            return Optional.of("ana");
        }

        @Override
        public void addListener(ConversationListener listener) {
            listeners.add(listener);
        }

        @Override
        public void removeListener(ConversationListener listener) {
            listeners.remove(listener);
        }

        void moved(long id) {
            Conversation c = conversation(id);
            listeners.forEach(l -> l.conversationMoved(c, new ConversationEvent(1, id, ConversationEvent.Kind.CLAIMED,
                    Optional.of("ana"), Optional.empty(), Optional.of("ana"), Optional.empty(), 0, NOW, "seat")));
        }
    }

    private static Conversation conversation(long id) {
        return new Conversation(id, Optional.of("C" + id), Channel.CHAT, "Card " + id, ConversationStatus.OPEN,
                NOW.minusSeconds(600), Optional.empty(), Optional.empty());
    }

    private final HeldTasks tasks = new HeldTasks();
    private final Office office = new Office();
    private final Clock[] clock = {Clock.fixed(NOW, ZoneOffset.UTC)};
    private final Clock moving = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return clock[0].instant();
        }
    };

    private OfficeViewModel started() {
        office.queue.add(new QueueEntry(conversation(1), 3, Optional.of(NOW.minusSeconds(120)),
                Assignment.heldBy(Team.AGENTS, "ana", NOW.minusSeconds(90))));
        office.queue.add(new QueueEntry(conversation(2), 1, Optional.of(NOW.minusSeconds(30)), Assignment.waiting(Team.SUPERVISORS)));
        OfficeViewModel vm = new OfficeViewModel(office, SUE, tasks, NOWHERE, Texts.of(Locale.ENGLISH), moving);
        vm.start();
        tasks.answer();
        return vm;
    }

    @Test
    void everyOpenConversationShowsWhoHasItAndForHowLong() {
        OfficeViewModel vm = started();

        OfficeViewModel.OpenConversation held = vm.conversations().get(0);
        OfficeViewModel.OpenConversation waiting = vm.conversations().get(1);
        assertEquals("Customer C1 / Ana Agent / AGENTS", held.customer() + " / " + held.holder().orElse("") + " / " + held.team());
        assertEquals(Optional.of(Duration.ofSeconds(120)), vm.waiting(held));
        assertEquals(Optional.of(Duration.ofSeconds(90)), vm.handling(held));
        assertEquals(Optional.empty(), waiting.holder());
        assertEquals(Optional.empty(), vm.handling(waiting));
        assertEquals(List.of("Ana Agent", "Dan Gone"), vm.people().stream().map(Colleague::displayName).toList());

        clock[0] = Clock.fixed(NOW.plusSeconds(5), ZoneOffset.UTC);
        vm.tick();
        assertEquals(Optional.of(Duration.ofSeconds(95)), vm.handling(held), "the clocks move every second without a reload");
    }

    @Test
    void aBurstOfEventsWhileReadingIsOneMoreRead() {
        OfficeViewModel vm = started();
        int before = office.reads;

        office.moved(1);
        office.moved(1);
        office.moved(2);
        office.moved(2);
        tasks.answer();

        assertEquals(before + 2, office.reads, "the read running, then one for everything that came in meanwhile");
    }

    @Test
    void takingOverOpensTheConversationOnTheSupervisorsDesk() {
        OfficeViewModel vm = started();
        List<Long> opened = new ArrayList<>();
        vm.onTakenOver(opened::add);

        vm.takeOver(1);
        tasks.answer();

        assertEquals(List.of("1 by sue"), office.takenOver);
        assertEquals(List.of(1L), opened);
    }

    @Test
    void agentsHaveNoLiveView() {
        User ann = new User(2, "ann", "Ann Agent", Role.AGENT, 0, Optional.empty());
        assertThrows(IllegalArgumentException.class,
                () -> new OfficeViewModel(office, ann, tasks, NOWHERE, Texts.of(Locale.ENGLISH), moving));
    }
}
