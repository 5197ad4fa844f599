package app.tandem.ui.desk;

import app.tandem.assist.AssistService;
import app.tandem.assist.ConversationSummary;
import app.tandem.assist.Placeholders;
import app.tandem.assist.Provenance;
import app.tandem.assist.RejectReason;
import app.tandem.assist.Suggestion;
import app.tandem.assist.Suggestions;
import app.tandem.assist.escalation.Escalation;
import app.tandem.assist.escalation.TurnAnnotation;
import app.tandem.channel.Transcript;
import app.tandem.channel.TranscriptLibrary;
import app.tandem.channel.TranscriptReplay;
import app.tandem.conversation.Channel;
import app.tandem.conversation.Conversation;
import app.tandem.conversation.ConversationListener;
import app.tandem.conversation.ConversationService;
import app.tandem.conversation.Message;
import app.tandem.conversation.QueueEntry;
import app.tandem.customer.Customer;
import app.tandem.kb.ArticleHit;
import app.tandem.nlp.entities.Entity;
import app.tandem.nlp.sentiment.Sentiment;
import app.tandem.security.PiiPolicy;
import app.tandem.security.User;
import app.tandem.ui.DeskServices;
import app.tandem.ui.common.TaskExecutor;
import app.tandem.ui.common.Texts;
import app.tandem.ui.customers.CustomerProfileViewModel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/**
 * The desk: the queue of open conversations, the selected conversation, the compose box and the
 * side panel's suggestions. Every service call runs off the UI thread; conversation events arrive
 * on other threads and are handed to the UI thread before they touch any property.
 */
public final class DeskViewModel {

    public enum State { IDLE, SENDING, ERROR }

    /** One line of the queue. {@code unread}: the customer wrote since the agent last looked. */
    public record QueueItem(Conversation conversation, String customerName, int lastSeq,
                            Optional<Instant> waitingSince, boolean unread) {
        public long id() {
            return conversation.id();
        }
    }

    private record Draft(String text, Optional<Suggestion> inserted) {}

    private final DeskServices services;
    private final User agent;
    private final TaskExecutor tasks;
    private final Texts texts;
    private final Clock clock;
    private final CustomerProfileViewModel customerPanel;

    private final ObservableList<QueueItem> queue = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Conversation> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final ObservableList<Message> messages = FXCollections.observableArrayList();
    private final StringProperty compose = new SimpleStringProperty(this, "compose", "");
    private final ReadOnlyStringWrapper composeError = new ReadOnlyStringWrapper(this, "composeError", "");
    private final ObservableList<Suggestion> suggestions = FXCollections.observableArrayList();
    private final ObservableList<ArticleHit> articles = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final ReadOnlyBooleanWrapper suggesting = new ReadOnlyBooleanWrapper(this, "suggesting");
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.IDLE);
    private final ObjectProperty<Instant> now = new SimpleObjectProperty<>(this, "now");
    /** Sentiment, intent and entities of the selected conversation's customer turns, by seq. */
    private final ObservableMap<Integer, TurnAnnotation> annotations = FXCollections.observableHashMap();
    /** Open escalations of the selected conversation: the banner. */
    private final ObservableList<Escalation> escalations = FXCollections.observableArrayList();
    private final PiiPolicy pii;
    private final Consumer<Escalation> escalationListener = this::escalationChanged;

    /** Touched on the UI thread only. */
    private final Map<Long, Integer> seenSeq = new HashMap<>();
    private final Map<Long, Draft> drafts = new HashMap<>();
    private final Map<Long, TranscriptReplay.Playback> playbacks = new HashMap<>();
    private final Map<String, String> customerNames = new ConcurrentHashMap<>();
    private Optional<Suggestion> inserted = Optional.empty();
    private long queueGeneration;
    private long appliedQueueGeneration;
    /**
     * A conversation asked for before the queue lists it, while it is fetched; 0: none. Until it arrives the
     * desk does not pick the queue's first conversation on its own (it used to, showing another conversation
     * for a moment), and it arrives only if nothing else was chosen meanwhile (it used to replace the agent's
     * later choice).
     */
    private long fetching;

    private final ConversationListener listener = new ConversationListener() {
        @Override
        public void conversationOpened(Conversation conversation) {
            tasks.onUiThread(() -> {
                refreshQueue();
                if (selected.get() == null && fetching == 0) {
                    select(conversation.id());
                }
            });
        }

        @Override
        public void messageAdded(Message message) {
            tasks.onUiThread(() -> messageArrived(message));
        }

        @Override
        public void conversationClosed(Conversation conversation) {
            tasks.onUiThread(() -> conversationEnded(conversation));
        }
    };

    public DeskViewModel(DeskServices services, User agent, TaskExecutor tasks, Texts texts, Clock clock) {
        this.services = services;
        this.agent = agent;
        this.tasks = tasks;
        this.texts = texts;
        this.clock = clock;
        this.pii = PiiPolicy.forRole(agent.role());
        this.customerPanel = new CustomerProfileViewModel(services.customers(), services.conversations(), tasks, services.io());
        now.set(clock.instant());
        notice.set(texts.get("assist.noConversation"));
        compose.addListener((obs, old, text) -> {
            if (text == null || text.isBlank()) {
                inserted = Optional.empty();
            }
            if (!composeError.get().isEmpty() && (text == null || text.length() <= ConversationService.MAX_MESSAGE_LENGTH)) {
                composeError.set("");
            }
        });
    }

    /** Starts listening to conversations and loads the queue; the first open conversation is selected. */
    public void start() {
        services.conversations().addListener(listener);
        services.understanding().escalations().addListener(escalationListener);
        refreshQueue();
    }

    /** Stops listening and stops any transcript being replayed. */
    public void dispose() {
        services.conversations().removeListener(listener);
        services.understanding().escalations().removeListener(escalationListener);
        playbacks.values().forEach(TranscriptReplay.Playback::cancel);
        playbacks.clear();
    }

    /** Moves the clock the waiting times are measured against. */
    public void tick() {
        now.set(clock.instant());
    }

    // --- queue ---------------------------------------------------------------------------------

    private record LoadedEntry(QueueEntry entry, String customerName) {}

    public void refreshQueue() {
        long mine = ++queueGeneration;
        ConversationService conversations = services.conversations();
        tasks.execute(texts.get("activity.queue"), services.io(), () -> {
            List<LoadedEntry> loaded = new ArrayList<>();
            for (QueueEntry e : conversations.queue()) {
                loaded.add(new LoadedEntry(e, e.conversation().customerId().map(this::customerName).orElse("")));
            }
            return loaded;
        }, loaded -> {
            if (mine < appliedQueueGeneration) {
                return; // a later refresh already answered
            }
            appliedQueueGeneration = mine;
            List<QueueItem> items = new ArrayList<>();
            for (LoadedEntry l : loaded) {
                Conversation c = l.entry().conversation();
                boolean isSelected = selected.get() != null && selected.get().id() == c.id();
                if (isSelected) {
                    seenSeq.merge(c.id(), l.entry().lastSeq(), Math::max);
                }
                boolean unread = l.entry().lastSeq() > seenSeq.getOrDefault(c.id(), 0) && l.entry().waitingSince().isPresent();
                items.add(new QueueItem(c, l.customerName(), l.entry().lastSeq(), l.entry().waitingSince(), unread));
            }
            queue.setAll(items);
            now.set(clock.instant());
            if (selected.get() == null && fetching == 0 && !items.isEmpty()) {
                select(items.get(0).id());
            }
        }, this::backgroundFailed);
    }

    private String customerName(String id) {
        return customerNames.computeIfAbsent(id, k -> services.customers().find(k).map(Customer::name).orElse(k));
    }

    // --- the selected conversation -------------------------------------------------------------

    public void select(long conversationId) {
        Conversation current = selected.get();
        if (current != null && current.id() == conversationId) {
            return;
        }
        if (current != null) {
            drafts.put(current.id(), new Draft(compose.get(), inserted));
        }
        Optional<QueueItem> item = queue.stream().filter(q -> q.id() == conversationId).findFirst();
        messages.clear();
        suggestions.clear();
        articles.clear();
        annotations.clear();
        escalations.clear();
        composeError.set("");
        Draft draft = drafts.remove(conversationId);
        compose.set(draft == null ? "" : draft.text());
        inserted = draft == null ? Optional.empty() : draft.inserted();
        if (item.isPresent()) {
            fetching = 0;
            applySelection(item.get().conversation());
        } else {
            selected.set(null);
            fetching = conversationId;
            tasks.execute(texts.get("activity.conversation"), services.io(),
                    () -> services.conversations().find(conversationId), found -> {
                        // Only if it is still the one wanted: the agent may have chosen another meanwhile.
                        if (fetching == conversationId) {
                            fetching = 0;
                            found.ifPresent(this::applySelection);
                        }
                    }, e -> {
                        if (fetching == conversationId) {
                            fetching = 0;
                        }
                        backgroundFailed(e);
                    });
        }
    }

    private void applySelection(Conversation conversation) {
        selected.set(conversation);
        customerPanel.show(conversation.customerId());
        notice.set(texts.get("assist.loading"));
        long id = conversation.id();
        tasks.execute(texts.get("activity.conversation"), services.io(), () -> services.conversations().messages(id),
                loaded -> messagesLoaded(id, loaded), this::backgroundFailed);
    }

    private void messagesLoaded(long conversationId, List<Message> loaded) {
        if (!isSelected(conversationId)) {
            return;
        }
        int last = loaded.isEmpty() ? 0 : loaded.get(loaded.size() - 1).seq();
        List<Message> merged = new ArrayList<>(loaded);
        // Turns that arrived while loading are already in the list; keep them.
        messages.stream().filter(m -> m.conversationId() == conversationId && m.seq() > last).forEach(merged::add);
        messages.setAll(merged);
        markSeen(conversationId);
        annotate(conversationId, merged);
        requestSuggestions();
    }

    private void messageArrived(Message message) {
        long id = message.conversationId();
        if (isSelected(id)) {
            int last = messages.isEmpty() ? 0 : messages.get(messages.size() - 1).seq();
            if (message.seq() > last) {
                messages.add(message);
            }
            markSeen(id);
            if (message.fromCustomer()) {
                annotate(id, List.of(message));
                requestSuggestions();
            } else {
                showWaiting();
            }
        }
        refreshQueue();
    }

    private void markSeen(long conversationId) {
        int last = messages.isEmpty() ? 0 : messages.get(messages.size() - 1).seq();
        seenSeq.merge(conversationId, last, Math::max);
        for (int i = 0; i < queue.size(); i++) {
            QueueItem q = queue.get(i);
            if (q.id() == conversationId && q.unread()) {
                queue.set(i, new QueueItem(q.conversation(), q.customerName(), q.lastSeq(), q.waitingSince(), false));
            }
        }
    }

    private void conversationEnded(Conversation conversation) {
        TranscriptReplay.Playback playback = playbacks.remove(conversation.id());
        if (playback != null) {
            playback.cancel();
        }
        drafts.remove(conversation.id());
        if (isSelected(conversation.id())) {
            selected.set(null);
            messages.clear();
            suggestions.clear();
            articles.clear();
            annotations.clear();
            escalations.clear();
            compose.set("");
            composeError.set("");
            customerPanel.show(Optional.empty());
            notice.set(texts.get("assist.noConversation"));
        }
        refreshQueue();
    }

    private boolean isSelected(long conversationId) {
        return selected.get() != null && selected.get().id() == conversationId;
    }

    // --- suggestions ---------------------------------------------------------------------------

    private static OptionalInt latestCustomerSeq(List<Message> turns) {
        for (int i = turns.size() - 1; i >= 0; i--) {
            if (turns.get(i).fromCustomer()) {
                return OptionalInt.of(turns.get(i).seq());
            }
        }
        return OptionalInt.empty();
    }

    private boolean awaitingAgent() {
        return !messages.isEmpty() && messages.get(messages.size() - 1).fromCustomer();
    }

    private void showWaiting() {
        suggestions.clear();
        articles.clear();
        suggesting.set(false);
        notice.set(texts.get("assist.waiting"));
    }

    private void requestSuggestions() {
        Conversation conversation = selected.get();
        if (conversation == null || !awaitingAgent()) {
            showWaiting();
            return;
        }
        List<Message> turns = List.copyOf(messages);
        long id = conversation.id();
        suggesting.set(true);
        tasks.execute(texts.get("activity.suggesting"), services.inference(),
                () -> services.assist().suggest(id, turns, agent.username()), this::suggestionsArrived, e -> {
                    if (isSelected(id)) {
                        suggesting.set(false);
                        notice.set(texts.format("assist.failed", texts.failure(e)));
                    }
                });
    }

    /** Drops results for another conversation, an older customer turn, or a turn already answered. */
    void suggestionsArrived(Suggestions result) {
        if (!isSelected(result.conversationId())) {
            return;
        }
        OptionalInt latest = latestCustomerSeq(messages);
        if (latest.isPresent() && result.messageSeq() < latest.getAsInt()) {
            return; // stale: a newer customer turn has its own request in flight
        }
        suggesting.set(false);
        long conversationId = result.conversationId();
        tasks.execute(texts.get("activity.understanding"), services.io(), () -> {
            services.understanding().suggestionsShown(result);
            return services.understanding().escalations().openFor(conversationId);
        }, open -> showEscalations(conversationId, open), this::backgroundFailed);
        if (!awaitingAgent()) {
            showWaiting();
            return;
        }
        suggestions.setAll(result.replies());
        articles.setAll(result.articles());
        notice.set(result.notice().map(this::localNotice).orElse(result.replies().isEmpty() && result.articles().isEmpty()
                ? texts.get("assist.nothing") : ""));
    }

    /**
     * Puts suggestion {@code rank} (1-based, as shown) into the compose box. A Smart Reply a supervisor
     * withdrew since it was shown is not inserted: it leaves the panel, the box keeps what it holds, and
     * the notice says why.
     */
    public boolean insertSuggestion(int rank) {
        if (rank < 1 || rank > suggestions.size()) {
            return false;
        }
        Suggestion s = suggestions.get(rank - 1);
        if (!services.assist().stillOffered(s)) {
            withdrawn(s);
            return false;
        }
        compose.set(suggestionText(s));
        inserted = Optional.of(s);
        return true;
    }

    /** The assist service's notices, in the desk's language; one it does not know is shown as it came. */
    private String localNotice(String notice) {
        return switch (notice) {
            case AssistService.ABSTAIN_NOTICE -> texts.get("assist.abstain");
            case AssistService.NO_MATCH_NOTICE -> texts.get("assist.noMatch");
            case AssistService.EMPTY_KB_NOTICE -> texts.get("assist.emptyKb");
            case AssistService.WAITING_NOTICE -> texts.get("assist.waiting");
            default -> notice;
        };
    }

    /** A suggestion's text as the agent sees and inserts it: a macro's gaps are named in the desk's language. */
    public String suggestionText(Suggestion s) {
        return texts.localGaps(s.text());
    }

    /** Where the suggestion came from, in the desk's language (the card's provenance line and tooltip). */
    public String provenance(Suggestion s) {
        Provenance p = s.provenance();
        return switch (p.kind()) {
            case ARTICLE -> p.phrase().isPresent()
                    ? texts.format("why.article.asked", p.title(), String.valueOf(p.version().orElse(0)), p.phrase().get())
                    : p.words().isEmpty() ? texts.format("why.article", p.title(), String.valueOf(p.version().orElse(0)))
                    : texts.format("why.article.words", p.title(), String.valueOf(p.version().orElse(0)), String.join(", ", p.words()));
            case MACRO -> p.words().isEmpty() ? texts.format("why.macro", p.title(), p.phrase().orElse(""))
                    : texts.format("why.macro.gaps", p.title(), p.phrase().orElse(""),
                            String.join(", ", p.words().stream().map(texts::localGaps).toList()));
            case PAST_REPLY -> texts.format("why.history", p.timesSent(), String.format(Locale.ROOT, "%.2f", p.similarity()));
            case TEXT -> p.text();
        };
    }

    /** The suggestion shown at {@code rank} (1-based), if there is one. */
    public Optional<Suggestion> suggestionAt(int rank) {
        return rank < 1 || rank > suggestions.size() ? Optional.empty() : Optional.of(suggestions.get(rank - 1));
    }

    private void withdrawn(Suggestion s) {
        suggestions.remove(s);
        if (inserted.isPresent() && inserted.get().equals(s)) {
            inserted = Optional.empty();
        }
        notice.set(texts.get("assist.withdrawn"));
    }

    /** The agent dismisses suggestion {@code rank}; it is logged as rejected and leaves the panel. */
    public void rejectSuggestion(int rank) {
        rejectSuggestion(rank, Optional.empty());
    }

    /** As {@link #rejectSuggestion(int)}, with the agent's reason ("outdated", "wrong topic"), if given. */
    public void rejectSuggestion(int rank, Optional<String> reason) {
        suggestionAt(rank).ifPresent(s -> reject(s, reason));
    }

    /**
     * The agent rejects {@code s} with a reason from the short list and/or their own words (both optional).
     * Works even when a newer customer turn replaced the panel while the agent chose: the rejection was
     * of what they saw, and is logged all the same.
     */
    public void rejectSuggestion(Suggestion s, Optional<RejectReason> reason, Optional<String> note) {
        reject(s, RejectReason.describe(reason, note));
    }

    private void reject(Suggestion s, Optional<String> reason) {
        suggestions.remove(s);
        if (inserted.isPresent() && inserted.get().equals(s)) {
            inserted = Optional.empty();
        }
        tasks.execute(texts.get("activity.feedback"), services.io(), () -> {
            services.replies().reject(s, reason, agent.username());
            return null;
        }, ignored -> { }, this::backgroundFailed);
    }

    // --- understanding: chips, corrections, escalation banner --------------------------------

    private void annotate(long conversationId, List<Message> turns) {
        List<Message> customerTurns = turns.stream().filter(Message::fromCustomer).toList();
        if (customerTurns.isEmpty()) {
            return;
        }
        tasks.execute(texts.get("activity.understanding"), services.inference(), () -> {
            List<TurnAnnotation> done = new ArrayList<>();
            customerTurns.forEach(m -> services.understanding().annotate(m).ifPresent(done::add));
            return new Understood(done, services.understanding().escalations().openFor(conversationId));
        }, understood -> {
            if (isSelected(conversationId)) {
                understood.turns().forEach(a -> annotations.put(a.seq(), a));
                escalations.setAll(understood.open());
            }
        }, this::backgroundFailed);
    }

    private record Understood(List<TurnAnnotation> turns, List<Escalation> open) {}

    /** Runs on the thread that raised or acknowledged the escalation. */
    private void escalationChanged(Escalation e) {
        tasks.onUiThread(() -> {
            if (isSelected(e.conversationId())) {
                refreshEscalations(e.conversationId());
            }
        });
    }

    private void refreshEscalations(long conversationId) {
        tasks.execute(texts.get("activity.understanding"), services.io(),
                () -> services.understanding().escalations().openFor(conversationId),
                open -> showEscalations(conversationId, open), this::backgroundFailed);
    }

    private void showEscalations(long conversationId, List<Escalation> open) {
        if (isSelected(conversationId)) {
            escalations.setAll(open);
        }
    }

    /** The agent says the turn's sentiment is {@code label}; stored (redacted) as training data. */
    public void correctSentiment(Message turn, Sentiment label) {
        correct(() -> services.understanding().correctSentiment(turn, label, agent.username()));
    }

    /** The agent names the turn's intent; a clear message when the name is not one. */
    public void correctIntent(Message turn, String intent) {
        correct(() -> services.understanding().correctIntent(turn, intent, agent.username()));
    }

    /** The agent removes an entity Tandem found by mistake. */
    public void removeEntity(Message turn, Entity wrong) {
        correct(() -> services.understanding().removeEntity(turn, wrong, agent.username()));
    }

    private void correct(java.util.concurrent.Callable<TurnAnnotation> work) {
        tasks.execute(texts.get("activity.correcting"), services.io(), work, corrected -> {
            if (isSelected(corrected.conversationId())) {
                annotations.put(corrected.seq(), corrected);
            }
        }, this::backgroundFailed);
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
        return String.join("  \u00b7  ", escalations.stream()
                .map(texts::escalation).toList());
    }

    // --- compose -------------------------------------------------------------------------------

    /** Sends the compose box as the agent's reply. The text stays in the box unless it was stored. */
    public void send() {
        submit(false);
    }

    /** Records the compose box as what the customer said (phone and branch conversations). */
    public void recordCustomerTurn() {
        submit(true);
    }

    private void submit(boolean fromCustomer) {
        Conversation conversation = selected.get();
        String text = compose.get();
        if (conversation == null || text == null || text.isBlank() || state.get() == State.SENDING) {
            return;
        }
        int length = text.strip().length();
        if (length > ConversationService.MAX_MESSAGE_LENGTH) {
            composeError.set(texts.format("compose.tooLong", length, ConversationService.MAX_MESSAGE_LENGTH));
            state.set(State.ERROR);
            return;
        }
        List<String> gaps = fromCustomer ? List.of() : Placeholders.unfilled(text);
        if (!gaps.isEmpty()) {
            // Said here in the agent's language; ReplyService refuses the same text anyway.
            composeError.set(texts.format("compose.fillIn", String.join(", ", gaps.stream().distinct().toList())));
            state.set(State.ERROR);
            return;
        }
        long id = conversation.id();
        Optional<Suggestion> basedOn = inserted;
        state.set(State.SENDING);
        tasks.execute(texts.get("activity.sending"), services.io(), () -> {
            if (fromCustomer) {
                return services.conversations().receiveFromCustomer(id, text);
            }
            if (basedOn.isPresent() && !services.assist().stillOffered(basedOn.get())) {
                throw new WithdrawnSuggestion(basedOn.get());
            }
            return services.replies().send(id, text, basedOn, agent.username());
        }, sent -> {
                    state.set(State.IDLE);
                    composeError.set("");
                    if (isSelected(id) && text.equals(compose.get())) {
                        compose.set("");
                        inserted = Optional.empty();
                    }
                }, e -> {
                    state.set(State.ERROR);
                    if (e instanceof WithdrawnSuggestion w) {
                        // The text stays in the box as the agent's own: sending it again sends it as typed.
                        withdrawn(w.suggestion);
                        composeError.set(texts.get("compose.withdrawn"));
                    } else {
                        composeError.set(texts.failure(e));
                    }
                });
    }

    /** A Smart Reply entry blocked or deleted between inserting the suggestion and sending it. */
    private static final class WithdrawnSuggestion extends RuntimeException {
        private final transient Suggestion suggestion;

        WithdrawnSuggestion(Suggestion suggestion) {
            super("withdrawn: " + suggestion.sourceRef(), null, false, false);
            this.suggestion = suggestion;
        }
    }

    // --- conversations -------------------------------------------------------------------------

    /** Opens a phone, branch or chat conversation the agent records by hand, and selects it. */
    public void openConversation(Optional<String> customerId, Channel channel, String title, Consumer<Throwable> onFailure) {
        tasks.execute(texts.get("activity.opening"), services.io(),
                () -> services.conversations().open(customerId, channel, title), c -> {
                    refreshQueue();
                    select(c.id());
                }, onFailure);
    }

    /** Plays {@code transcript} as a live customer and selects its conversation. */
    public void replay(Transcript transcript, double speed, Consumer<Throwable> onFailure) {
        tasks.execute(texts.get("activity.opening"), services.io(), () -> services.replay().play(transcript, speed, true),
                playback -> {
                    playbacks.put(playback.conversation().id(), playback);
                    refreshQueue();
                    select(playback.conversation().id());
                }, onFailure);
    }

    /** Reads a transcript file off the UI thread, then replays it. */
    public void replayFile(Path file, double speed, Consumer<Throwable> onFailure) {
        tasks.execute(texts.get("activity.reading"), services.io(), () -> TranscriptLibrary.readFile(file),
                t -> replay(t, speed, onFailure), onFailure);
    }

    /** True when the signed-in person may allow or block Smart Reply entries. */
    public boolean canCurateReplies() {
        return agent.role().atLeast(app.tandem.security.Role.SUPERVISOR) && services.assist().allowlist().isPresent();
    }

    /** The Smart Reply allowlist; {@code onResult} runs on the UI thread. */
    public void loadAllowlist(Consumer<List<app.tandem.assist.AllowlistEntry>> onResult) {
        tasks.execute(texts.get("activity.feedback"), services.io(),
                () -> services.assist().allowlist().map(a -> a.entries()).orElse(List.of()), onResult, this::backgroundFailed);
    }

    /**
     * Allows, blocks or (status empty) deletes an allowlist entry, then reloads the list into {@code onResult}.
     * Supervisors only; a deleted entry still on screen as a suggestion can be sent as before.
     */
    public void curateAllowlist(long entryId, Optional<app.tandem.assist.AllowlistEntry.Status> status,
                                Consumer<List<app.tandem.assist.AllowlistEntry>> onResult) {
        if (!canCurateReplies()) {
            return;
        }
        String who = agent.username();
        tasks.execute(texts.get("activity.feedback"), services.io(), () -> {
            var smart = services.assist().allowlist().orElseThrow();
            if (status.isEmpty()) {
                smart.delete(entryId);
            } else if (status.get() == app.tandem.assist.AllowlistEntry.Status.ALLOWED) {
                smart.allow(entryId, who);
            } else {
                smart.block(entryId, who);
            }
            return smart.entries();
        }, onResult, this::backgroundFailed);
    }

    /** Computes a draft summary of the selected conversation; {@code onDraft} runs on the UI thread. */
    public void draftSummary(Consumer<String> onDraft) {
        Conversation conversation = selected.get();
        if (conversation == null) {
            return;
        }
        long id = conversation.id();
        tasks.execute(texts.get("activity.closing"), services.io(), () -> summaryText(services.replies().draftSummary(id)), onDraft,
                e -> { });
    }

    /** A draft summary laid out in the agent's language; the conversation's own words stay as they were said. */
    String summaryText(ConversationSummary.Parts p) {
        StringBuilder out = new StringBuilder(texts.format("summary.issue", p.issue().isBlank() ? texts.get("summary.noIssue") : p.issue()));
        List<String> actions = new ArrayList<>();
        p.macros().forEach(id -> actions.add(texts.format("summary.macro", id)));
        p.pastReplies().forEach(id -> actions.add(texts.format("summary.pastReply", id)));
        if (!actions.isEmpty()) {
            out.append('\n').append(texts.format("summary.actions", String.join(texts.get("summary.separator"), actions)));
        }
        out.append('\n').append(texts.format("summary.resolution",
                p.resolution().isBlank() ? texts.get("summary.noResolution") : p.resolution()));
        if (!p.articles().isEmpty()) {
            out.append('\n').append(texts.format("summary.articles", String.join(texts.get("summary.separator"), p.articles())));
        }
        return out.toString();
    }

    /** Closes the selected conversation with the agent's summary. */
    public void closeSelected(String summary, Consumer<Throwable> onFailure) {
        Conversation conversation = selected.get();
        if (conversation == null) {
            return;
        }
        long id = conversation.id();
        tasks.execute(texts.get("activity.closing"), services.io(), () -> {
            services.conversations().close(id, summary);
            return null;
        }, ignored -> { }, onFailure);
    }

    /** Customers whose name, id, email or phone contains {@code text}; {@code onResult} runs on the UI thread. */
    public void searchCustomers(String text, Consumer<List<Customer>> onResult) {
        String q = text == null ? "" : text.strip();
        tasks.execute(texts.get("activity.searching"), services.io(),
                () -> q.isEmpty() ? services.customers().all() : services.customers().search(q, 50), onResult,
                this::backgroundFailed);
    }

    private void backgroundFailed(Throwable e) {
        notice.set(texts.failure("error.background", e));
    }

    // --- properties ----------------------------------------------------------------------------

    public ObservableList<QueueItem> queue() {
        return queue;
    }

    public ReadOnlyObjectProperty<Conversation> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public ObservableList<Message> messages() {
        return messages;
    }

    public StringProperty composeProperty() {
        return compose;
    }

    public ReadOnlyStringProperty composeErrorProperty() {
        return composeError.getReadOnlyProperty();
    }

    public ObservableList<Suggestion> suggestions() {
        return suggestions;
    }

    public ObservableList<ArticleHit> articles() {
        return articles;
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty suggestingProperty() {
        return suggesting.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Instant> nowProperty() {
        return now;
    }

    public Optional<Suggestion> insertedSuggestion() {
        return inserted;
    }

    public ObservableMap<Integer, TurnAnnotation> annotations() {
        return annotations;
    }

    public ObservableList<Escalation> escalations() {
        return escalations;
    }

    public CustomerProfileViewModel customerPanel() {
        return customerPanel;
    }

    public User agent() {
        return agent;
    }

    public List<Transcript> sampleTranscripts() {
        return services.sampleTranscripts();
    }
}
