package app.tandem.ui.desk;

import app.tandem.assist.escalation.Escalation;
import app.tandem.assist.escalation.TurnAnnotation;
import app.tandem.assist.escalation.TurnUnderstanding;
import app.tandem.conversation.Message;
import app.tandem.nlp.entities.Entity;
import app.tandem.nlp.sentiment.Sentiment;
import app.tandem.security.PiiPolicy;
import app.tandem.security.User;
import app.tandem.ui.common.TaskExecutor;
import app.tandem.ui.common.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/**
 * What Tandem understood of the customer turns on screen (the chips: sentiment, intent, entities), the agent's
 * corrections of it, and the open escalations of the conversation (the banner). Each customer turn is understood
 * in one background task that also reads the open escalations once; escalations raised or acknowledged later
 * come through the escalation listener itself, without reading them again.
 */
public final class UnderstandingViewModel {

    /** What the chips and the banner ask of the understanding service; all but the listeners may block. */
    public interface Understanding {
        /** The turn's annotation, computed once per turn; empty for an agent's turn. */
        Optional<TurnAnnotation> annotate(Message turn);

        List<Escalation> openFor(long conversationId);

        TurnAnnotation correctSentiment(Message turn, Sentiment label, String agent);

        TurnAnnotation correctIntent(Message turn, String intent, String agent);

        TurnAnnotation removeEntity(Message turn, Entity wrong, String agent);

        /** {@code listener} hears of each escalation raised or acknowledged, on the thread that did it. */
        void addListener(Consumer<Escalation> listener);

        void removeListener(Consumer<Escalation> listener);

        static Understanding of(TurnUnderstanding understanding) {
            return new Understanding() {
                @Override
                public Optional<TurnAnnotation> annotate(Message turn) {
                    return understanding.annotate(turn);
                }

                @Override
                public List<Escalation> openFor(long conversationId) {
                    return understanding.escalations().openFor(conversationId);
                }

                @Override
                public TurnAnnotation correctSentiment(Message turn, Sentiment label, String agent) {
                    return understanding.correctSentiment(turn, label, agent);
                }

                @Override
                public TurnAnnotation correctIntent(Message turn, String intent, String agent) {
                    return understanding.correctIntent(turn, intent, agent);
                }

                @Override
                public TurnAnnotation removeEntity(Message turn, Entity wrong, String agent) {
                    return understanding.removeEntity(turn, wrong, agent);
                }

                @Override
                public void addListener(Consumer<Escalation> listener) {
                    understanding.escalations().addListener(listener);
                }

                @Override
                public void removeListener(Consumer<Escalation> listener) {
                    understanding.escalations().removeListener(listener);
                }
            };
        }
    }

    private record Understood(List<TurnAnnotation> turns, List<Escalation> open) {}

    private final Understanding understanding;
    private final OnScreen screen;
    private final NoticeBoard notices;
    private final User agent;
    private final PiiPolicy pii;
    private final TaskExecutor tasks;
    private final Executor inference;
    private final Executor io;
    private final Texts texts;
    private final Consumer<Escalation> escalationListener = this::escalationChanged;

    /** Sentiment, intent and entities of the customer turns on screen, by seq. */
    private final ObservableMap<Integer, TurnAnnotation> annotations = FXCollections.observableHashMap();
    /** Open escalations of the conversation on screen: the banner. */
    private final ObservableList<Escalation> escalations = FXCollections.observableArrayList();

    public UnderstandingViewModel(Understanding understanding, OnScreen screen, NoticeBoard notices, User agent, TaskExecutor tasks,
                                  Executor inference, Executor io, Texts texts) {
        this.understanding = understanding;
        this.screen = screen;
        this.notices = notices;
        this.agent = agent;
        this.pii = PiiPolicy.forRole(agent.role());
        this.tasks = tasks;
        this.inference = inference;
        this.io = io;
        this.texts = texts;
    }

    void start() {
        understanding.addListener(escalationListener);
    }

    void dispose() {
        understanding.removeListener(escalationListener);
    }

    /** Another conversation, or none, is on screen. */
    void clear() {
        annotations.clear();
        escalations.clear();
    }

    /**
     * Understands {@code turns}' customer turns and reads the conversation's open escalations, in one task, and
     * hands the one answer to both the chips and the banner.
     */
    void understand(long conversationId, List<Message> turns) {
        List<Message> customerTurns = turns.stream().filter(Message::fromCustomer).toList();
        if (customerTurns.isEmpty()) {
            return;
        }
        tasks.execute(texts.get("activity.understanding"), inference, () -> {
            List<TurnAnnotation> done = new ArrayList<>();
            customerTurns.forEach(m -> understanding.annotate(m).ifPresent(done::add));
            return new Understood(done, understanding.openFor(conversationId));
        }, understood -> {
            if (screen.isSelected(conversationId)) {
                understood.turns().forEach(a -> annotations.put(a.seq(), a));
                escalations.setAll(understood.open());
            }
        }, notices::failed);
    }

    /** Runs on the thread that raised or acknowledged the escalation: the banner takes it as it is. */
    private void escalationChanged(Escalation e) {
        tasks.onUiThread(() -> {
            if (!screen.isSelected(e.conversationId())) {
                return;
            }
            int at = indexOf(e.id());
            if (!e.isOpen()) {
                if (at >= 0) {
                    escalations.remove(at);
                }
            } else if (at >= 0) {
                escalations.set(at, e);
            } else {
                escalations.add(e);
            }
        });
    }

    private int indexOf(long escalationId) {
        for (int i = 0; i < escalations.size(); i++) {
            if (escalations.get(i).id() == escalationId) {
                return i;
            }
        }
        return -1;
    }

    /** The agent says the turn's sentiment is {@code label}; stored (redacted) as training data. */
    public void correctSentiment(Message turn, Sentiment label) {
        correct(() -> understanding.correctSentiment(turn, label, agent.username()));
    }

    /** The agent names the turn's intent; a clear message when the name is not one. */
    public void correctIntent(Message turn, String intent) {
        correct(() -> understanding.correctIntent(turn, intent, agent.username()));
    }

    /** The agent removes an entity Tandem found by mistake. */
    public void removeEntity(Message turn, Entity wrong) {
        correct(() -> understanding.removeEntity(turn, wrong, agent.username()));
    }

    private void correct(Callable<TurnAnnotation> work) {
        tasks.execute(texts.get("activity.correcting"), io, work, corrected -> {
            if (screen.isSelected(corrected.conversationId())) {
                annotations.put(corrected.seq(), corrected);
            }
        }, notices::failed);
    }

    /** The turn's text as this agent may see it: card numbers as their last four, IDs masked for agents. */
    public String displayText(Message turn) {
        TurnAnnotation a = annotations.get(turn.seq());
        return a == null || !turn.fromCustomer() ? turn.text() : pii.display(turn.text(), a.entities());
    }

    /** How this agent sees one entity of a chip. */
    public String displayEntity(Entity entity) {
        return pii.display(entity);
    }

    /** The banner's words: each open escalation's reason and detail; empty when there is none. */
    public String escalationBanner() {
        return String.join("  \u00b7  ", escalations.stream().map(texts::escalation).toList());
    }

    public ObservableMap<Integer, TurnAnnotation> annotations() {
        return annotations;
    }

    public ObservableList<Escalation> escalations() {
        return escalations;
    }
}
