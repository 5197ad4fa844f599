package app.tandem.assist.escalation;

import app.tandem.assist.IntentCorrections;
import app.tandem.assist.Suggestions;
import app.tandem.conversation.Message;
import app.tandem.nlp.Language;
import app.tandem.nlp.LanguageDetector;
import app.tandem.nlp.entities.ConversationSlots;
import app.tandem.nlp.entities.Entity;
import app.tandem.nlp.entities.EntityExtractor;
import app.tandem.nlp.intent.IntentTrainingSet;
import app.tandem.nlp.sentiment.LabelledTurn;
import app.tandem.nlp.sentiment.Sentiment;
import app.tandem.nlp.sentiment.SentimentService;
import app.tandem.privacy.Redactor;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Understands each customer turn once — sentiment, entities, intent — fills the conversation's slots,
 * and raises escalations by {@link EscalationRules}. Agents' corrections replace what was understood
 * and are stored, redacted, as training data; an intent correction also becomes an example of the
 * office's intent training set at once, so the next training run in the Training tab learns from it. Thread-safe; {@link #annotate} may block on the models,
 * so call it off the FX thread.
 */
public final class TurnUnderstanding implements IntentCorrections {

    private final SentimentService sentiment;
    private final EntityExtractor entities;
    private final IntentSource intents;
    private final EscalationService escalations;
    private final CorrectionRepository corrections;
    private final IntentTrainingSet intentExamples;
    private final Clock clock;
    private final EscalationRules rules = new EscalationRules();
    private final LanguageDetector languages = new LanguageDetector();
    private final Map<Long, ConversationState> conversations = new ConcurrentHashMap<>();

    private static final class ConversationState {
        final TreeMap<Integer, TurnAnnotation> turns = new TreeMap<>();
        final TreeMap<Integer, Boolean> confidentBySeq = new TreeMap<>();
        final ConversationSlots slots = new ConversationSlots();
        /** Turns being understood now, by seq: a second caller waits on the first one's answer. */
        final Map<Integer, CompletableFuture<TurnAnnotation>> understanding = new HashMap<>();
    }

    public TurnUnderstanding(SentimentService sentiment, EntityExtractor entities, IntentSource intents,
                             EscalationService escalations, CorrectionRepository corrections,
                             IntentTrainingSet intentExamples, Clock clock) {
        this.sentiment = sentiment;
        this.entities = entities;
        this.intents = intents;
        this.escalations = escalations;
        this.corrections = corrections;
        this.intentExamples = intentExamples;
        this.clock = clock;
    }

    /**
     * The annotation of a customer turn, computed on first request (the escalation rules run then, once
     * per turn); agent turns get none. A caller that asks while another is still computing the same turn
     * (the background pass over every turn and the desk that shows it both ask as the turn arrives) waits
     * for that answer instead of running the models a second time.
     */
    public Optional<TurnAnnotation> annotate(Message message) {
        if (!message.fromCustomer()) {
            return Optional.empty();
        }
        ConversationState state = state(message.conversationId());
        CompletableFuture<TurnAnnotation> mine = new CompletableFuture<>();
        CompletableFuture<TurnAnnotation> running;
        synchronized (state) {
            TurnAnnotation known = state.turns.get(message.seq());
            if (known != null) {
                return Optional.of(known);
            }
            running = state.understanding.putIfAbsent(message.seq(), mine);
        }
        if (running != null) {
            return Optional.of(awaitOther(running));
        }
        try {
            TurnAnnotation turn = understand(message, state);
            mine.complete(turn);
            return Optional.of(turn);
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            synchronized (state) {
                state.understanding.remove(message.seq());
            }
        }
    }

    private TurnAnnotation understand(Message message, ConversationState state) {
        Language language = languages.detect(message.text());
        List<Entity> found = entities.extract(message.text());
        TurnAnnotation turn = new TurnAnnotation(message.conversationId(), message.seq(), sentiment.classify(message.text()),
                found, intents.detect(message.text(), language));
        Optional<TurnAnnotation> previous;
        synchronized (state) {
            state.turns.put(message.seq(), turn);
            state.slots.fill(found);
            previous = Optional.ofNullable(state.turns.lowerEntry(message.seq())).map(Map.Entry::getValue);
        }
        escalations.raise(message.conversationId(), message.seq(), rules.forTurn(message.text(), turn, previous));
        return turn;
    }

    private static TurnAnnotation awaitOther(CompletableFuture<TurnAnnotation> running) {
        try {
            return running.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    /** What the assistant offered for a turn: two customer turns in a row without a confident suggestion escalate. */
    public void suggestionsShown(Suggestions suggestions) {
        if (suggestions.messageSeq() <= 0) {
            return;
        }
        ConversationState state = state(suggestions.conversationId());
        boolean streak;
        synchronized (state) {
            state.confidentBySeq.put(suggestions.messageSeq(), EscalationRules.confident(suggestions));
            var last = state.confidentBySeq.lastEntry();
            var before = state.confidentBySeq.lowerEntry(last.getKey());
            streak = before != null && !last.getValue() && !before.getValue();
        }
        if (streak) {
            escalations.raise(suggestions.conversationId(), suggestions.messageSeq(), List.of(new EscalationRules.Trigger(
                    EscalationReason.NO_CONFIDENT_SUGGESTION, EscalationDetail.of(EscalationDetail.Kind.NO_CONFIDENT_SUGGESTION,
                            Long.toString(Math.round(EscalationRules.CONFIDENT * 100))))));
        }
    }

    public Optional<TurnAnnotation> annotation(long conversationId, int seq) {
        ConversationState state = state(conversationId);
        synchronized (state) {
            return Optional.ofNullable(state.turns.get(seq));
        }
    }

    /** The slots of a conversation, for macros: {@code slots(id).fill("card ending {card.last4}")}. */
    public ConversationSlots slots(long conversationId) {
        return state(conversationId).slots;
    }

    /** Drops what is kept in memory for a closed conversation (its escalations and corrections stay stored). */
    public void forget(long conversationId) {
        conversations.remove(conversationId);
    }

    public EscalationService escalations() {
        return escalations;
    }

    // --- corrections ---------------------------------------------------------------------------

    public TurnAnnotation correctSentiment(Message message, Sentiment label, String agent) {
        TurnAnnotation current = require(message);
        TurnAnnotation corrected = current.withSentiment(current.sentiment().correctedTo(label));
        store(message, current, Correction.Kind.SENTIMENT, label.label(), agent);
        return replace(corrected);
    }

    public TurnAnnotation correctIntent(Message message, String intent, String agent) {
        if (intent == null || !intent.strip().matches("[a-z0-9_]{2,64}")) {
            throw new CorrectionRefusedException(CorrectionRefusedException.Reason.BAD_INTENT_NAME);
        }
        String name = intent.strip();
        TurnAnnotation current = require(message);
        TurnAnnotation corrected = current.withIntent(Optional.of(new DetectedIntent(name, 1.0, UrgentIntents.isUrgent(name), DetectedIntent.Origin.AGENT, "")));
        store(message, current, Correction.Kind.INTENT, name, agent);
        // One example per corrected turn: correcting the same turn again replaces it (see IntentTrainingSet.set).
        intentExamples.set(redacted(message, current), name, "correction:" + message.conversationId() + ":" + message.seq());
        return replace(corrected);
    }

    public TurnAnnotation removeEntity(Message message, Entity wrong, String agent) {
        TurnAnnotation current = require(message);
        if (!current.entities().contains(wrong)) {
            throw new CorrectionRefusedException(CorrectionRefusedException.Reason.ENTITY_GONE);
        }
        store(message, current, Correction.Kind.ENTITY_REMOVED, "not " + wrong.type() + " at " + wrong.start() + "-" + wrong.end(), agent);
        return replace(current.without(wrong));
    }

    /** Agents' sentiment corrections as labelled turns (redacted text), for the training helper. */
    public List<LabelledTurn> sentimentCorrections() {
        return corrections.list(Correction.Kind.SENTIMENT).stream()
                .map(c -> new LabelledTurn(c.text(), languages.detect(c.text()), Sentiment.parse(c.label())))
                .toList();
    }

    public List<Correction> corrections(Correction.Kind kind) {
        return corrections.list(kind);
    }

    @Override
    public Set<Integer> correctedIntentTurns(long conversationId) {
        return corrections(Correction.Kind.INTENT).stream().filter(c -> c.conversationId() == conversationId)
                .map(Correction::messageSeq).collect(Collectors.toSet());
    }

    private TurnAnnotation require(Message message) {
        return annotate(message).orElseThrow(() -> new CorrectionRefusedException(CorrectionRefusedException.Reason.NOT_A_CUSTOMER_TURN));
    }

    private void store(Message message, TurnAnnotation current, Correction.Kind kind, String label, String agent) {
        corrections.save(message.conversationId(), message.seq(), kind, redacted(message, current), label, agent, clock.instant());
    }

    private static String redacted(Message message, TurnAnnotation current) {
        return Redactor.redact(message.text(), current.entities());
    }

    private TurnAnnotation replace(TurnAnnotation corrected) {
        ConversationState state = state(corrected.conversationId());
        synchronized (state) {
            state.turns.put(corrected.seq(), corrected);
        }
        return corrected;
    }

    private ConversationState state(long conversationId) {
        return conversations.computeIfAbsent(conversationId, k -> new ConversationState());
    }
}
