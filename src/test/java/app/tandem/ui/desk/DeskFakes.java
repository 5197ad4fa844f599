package app.tandem.ui.desk;

import app.tandem.assist.AllowlistEntry;
import app.tandem.assist.Suggestion;
import app.tandem.assist.SuggestionNotice;
import app.tandem.assist.SuggestionSource;
import app.tandem.assist.Suggestions;
import app.tandem.assist.escalation.CorrectionRefusedException;
import app.tandem.assist.escalation.DetectedIntent;
import app.tandem.assist.escalation.Escalation;
import app.tandem.assist.escalation.EscalationDetail;
import app.tandem.assist.escalation.EscalationReason;
import app.tandem.assist.escalation.EscalationStatus;
import app.tandem.assist.escalation.TurnAnnotation;
import app.tandem.conversation.Assignment;
import app.tandem.conversation.Author;
import app.tandem.conversation.Channel;
import app.tandem.conversation.Conversation;
import app.tandem.conversation.ConversationEvent;
import app.tandem.conversation.ConversationListener;
import app.tandem.conversation.ConversationStatus;
import app.tandem.conversation.Message;
import app.tandem.conversation.MessageOrigin;
import app.tandem.conversation.MessageRejectedException;
import app.tandem.conversation.QueueEntry;
import app.tandem.conversation.Team;
import app.tandem.kb.ArticleHit;
import app.tandem.nlp.entities.Entity;
import app.tandem.nlp.sentiment.Sentiment;
import app.tandem.nlp.sentiment.SentimentResult;
import app.tandem.office.Colleague;
import app.tandem.security.Role;
import app.tandem.security.User;
import app.tandem.ui.common.TaskExecutor;
import app.tandem.ui.common.Texts;
import app.tandem.ui.customers.CustomerProfileViewModel;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Hand-written fakes of the few services each part of the desk takes, and a desk built over them: no database,
 * no index, no models, so the desk's view-model logic runs in milliseconds.
 */
final class DeskFakes {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-04T10:00:00Z"), ZoneOffset.UTC);
    static final Texts ENGLISH = Texts.of(Locale.ENGLISH);
    static final User AGENT = new User(2, "ann", "Ann Agent", Role.AGENT, 0, Optional.empty());
    static final User SUPERVISOR = new User(3, "sue", "Sue Supervisor", Role.SUPERVISOR, 0, Optional.empty());
    /** Never used: the executors are the task runner's business, and {@link Tasks} runs everything at once. */
    static final Executor NOWHERE = r -> {
        throw new AssertionError("work must go through the task executor");
    };

    private DeskFakes() {
    }

    /**
     * Runs each task at once on the calling thread and counts them by what the status bar would say. While
     * {@link #holdResults} is on, the work still runs at once but its results wait for {@link #handOver}, in order,
     * as they would wait for the UI thread.
     */
    static final class Tasks implements TaskExecutor {
        final List<String> ran = new ArrayList<>();
        private final ArrayDeque<Runnable> held = new ArrayDeque<>();
        private boolean holding;

        @Override
        public <T> void execute(String description, Executor where, Callable<T> work, Consumer<? super T> onSuccess,
                                Consumer<? super Throwable> onFailure) {
            ran.add(description);
            Runnable answer;
            try {
                T result = work.call();
                answer = () -> onSuccess.accept(result);
            } catch (Exception e) {
                answer = () -> onFailure.accept(e);
            }
            if (holding) {
                held.add(answer);
            } else {
                answer.run();
            }
        }

        void holdResults() {
            holding = true;
        }

        /** Hands the held results to the UI, oldest first (and any that they cause). */
        void handOver() {
            while (!held.isEmpty()) {
                held.poll().run();
            }
        }

        @Override
        public void onUiThread(Runnable action) {
            action.run();
        }

        long count(String activityKey) {
            String said = ENGLISH.get(activityKey);
            return ran.stream().filter(said::equals).count();
        }
    }

    static Conversation conversation(long id, Channel channel) {
        return new Conversation(id, Optional.empty(), channel, "Conversation " + id, ConversationStatus.OPEN, CLOCK.instant(),
                Optional.empty(), Optional.empty());
    }

    static Conversation conversation(long id, String customerId, Channel channel) {
        return new Conversation(id, Optional.of(customerId), channel, "Conversation " + id, ConversationStatus.OPEN,
                CLOCK.instant(), Optional.empty(), Optional.empty());
    }

    static Message customer(long conversationId, int seq, String text) {
        return new Message(conversationId * 100 + seq, conversationId, seq, Author.CUSTOMER, text, MessageOrigin.CUSTOMER,
                OptionalLong.empty(), Optional.empty(), CLOCK.instant());
    }

    static Message agent(long conversationId, int seq, String text) {
        return new Message(conversationId * 100 + seq, conversationId, seq, Author.AGENT, text, MessageOrigin.TYPED,
                OptionalLong.empty(), Optional.of("ann"), CLOCK.instant());
    }

    static Suggestion reply(long id, int rank, String text, SuggestionSource source, String ref) {
        return new Suggestion(id, rank, text, 0.8, source, ref, OptionalInt.empty(), "Sample provenance");
    }

    static Escalation escalation(long id, long conversationId, EscalationStatus status) {
        return new Escalation(id, conversationId, 1, EscalationReason.ASKED_FOR_HUMAN,
                EscalationDetail.of(EscalationDetail.Kind.ASKED, "a manager"), CLOCK.instant(), status,
                Optional.empty(), Optional.empty());
    }

    /**
     * Conversations and their turns, held in memory; it is also the queue (each conversation waits in the agents'
     * queue until it is claimed or moved), who holds what, the office's people, and the conversation event source.
     */
    static final class Conversations implements ConversationViewModel.Turns, QueueViewModel.Source, DeskViewModel.Events,
            HolderViewModel.Holding, PassOnViewModel.Handovers {
        final Map<Long, Conversation> open = new HashMap<>();
        final Map<Long, List<Message>> turns = new HashMap<>();
        final Map<Long, Assignment> assignments = new HashMap<>();
        final Map<Long, List<ConversationEvent>> moves = new HashMap<>();
        final List<Colleague> colleagues = new ArrayList<>();
        /** Who wins the next claim instead of the claimant (another seat was first); null: the claimant wins. */
        String firstToClaim;
        final List<ConversationListener> listeners = new CopyOnWriteArrayList<>();
        final Map<String, String> customerNames = new HashMap<>();
        int queueReads;

        Conversation add(Conversation c, Message... said) {
            open.put(c.id(), c);
            turns.put(c.id(), new ArrayList<>(List.of(said)));
            return c;
        }

        /**
         * A turn is stored and every listener hears of it, as the conversation service does; an agent's turn on a
         * waiting conversation claims it (told as the turn, not as a move, as the service does).
         */
        void arrive(Message m) {
            turns.get(m.conversationId()).add(m);
            if (!m.fromCustomer() && m.agent().isPresent() && assignment(m.conversationId()).map(Assignment::isWaiting).orElse(false)) {
                assignments.put(m.conversationId(), Assignment.heldBy(Team.AGENTS, m.agent().get(), CLOCK.instant()));
            }
            listeners.forEach(l -> l.messageAdded(m));
        }

        /** Opened while the desk is open: stored, and every listener hears of it. */
        Conversation open(Conversation c) {
            add(c);
            listeners.forEach(l -> l.conversationOpened(c));
            return c;
        }

        /** Closed: it leaves the queue, and every listener hears of it. */
        void close(long conversationId) {
            Conversation c = open.remove(conversationId);
            if (c != null) {
                listeners.forEach(l -> l.conversationClosed(c));
            }
        }

        /**
         * Moves the conversation as a seat of the office would (this one or another): it is held by {@code to}, or
         * waits in {@code team}'s queue when {@code to} is null, and every listener hears of it.
         */
        void move(long conversationId, ConversationEvent.Kind kind, String actor, Team team, String to, String note) {
            Optional<String> from = assignment(conversationId).flatMap(Assignment::holder);
            assignments.put(conversationId, to == null ? Assignment.waiting(team) : Assignment.heldBy(team, to, CLOCK.instant()));
            ConversationEvent e = new ConversationEvent(moves.values().stream().mapToInt(List::size).sum() + 1, conversationId, kind,
                    Optional.ofNullable(actor), from, Optional.ofNullable(to), Optional.ofNullable(note), 0, CLOCK.instant(), "seat");
            moves.computeIfAbsent(conversationId, k -> new ArrayList<>()).add(e);
            Conversation c = open.get(conversationId);
            listeners.forEach(l -> l.conversationMoved(c, e));
        }

        @Override
        public Optional<Assignment> assignment(long conversationId) {
            return open.containsKey(conversationId)
                    ? Optional.of(assignments.getOrDefault(conversationId, Assignment.waiting(Team.AGENTS))) : Optional.empty();
        }

        @Override
        public boolean claim(long conversationId, String username) {
            if (firstToClaim != null) {
                move(conversationId, ConversationEvent.Kind.CLAIMED, firstToClaim, Team.AGENTS, firstToClaim, null);
                firstToClaim = null;
            }
            if (!assignment(conversationId).map(Assignment::isWaiting).orElse(false)) {
                return false;
            }
            move(conversationId, ConversationEvent.Kind.CLAIMED, username, Team.AGENTS, username, null);
            return true;
        }

        @Override
        public List<ConversationEvent> moves(long conversationId) {
            return List.copyOf(moves.getOrDefault(conversationId, List.of()));
        }

        @Override
        public List<Colleague> colleagues() {
            return List.copyOf(colleagues);
        }

        @Override
        public void transfer(long conversationId, String from, String to, String note) {
            refuseUnlessHeldBy(conversationId, from);
            move(conversationId, ConversationEvent.Kind.TRANSFERRED, from, Team.AGENTS, to, note);
        }

        @Override
        public void release(long conversationId, String from, String note) {
            refuseUnlessHeldBy(conversationId, from);
            move(conversationId, ConversationEvent.Kind.RELEASED, from, Team.AGENTS, null, note);
        }

        @Override
        public void handOff(long conversationId, String from, String note) {
            refuseUnlessHeldBy(conversationId, from);
            move(conversationId, ConversationEvent.Kind.HANDED_OFF, from, Team.SUPERVISORS, null, note);
        }

        private void refuseUnlessHeldBy(long conversationId, String from) {
            if (!assignment(conversationId).map(a -> a.isHeldBy(from)).orElse(false)) {
                throw new MessageRejectedException(MessageRejectedException.Reason.NOT_YOURS);
            }
        }

        /** The next seq in {@code conversationId}. */
        int nextSeq(long conversationId) {
            List<Message> said = turns.get(conversationId);
            return said.isEmpty() ? 1 : said.get(said.size() - 1).seq() + 1;
        }

        @Override
        public Optional<Conversation> find(long conversationId) {
            return Optional.ofNullable(open.get(conversationId));
        }

        @Override
        public List<Message> messages(long conversationId) {
            return List.copyOf(turns.getOrDefault(conversationId, List.of()));
        }

        @Override
        public List<QueueEntry> queue() {
            queueReads++;
            return open.values().stream().sorted(java.util.Comparator.comparingLong(Conversation::id)).map(c -> {
                List<Message> said = turns.get(c.id());
                int last = said.isEmpty() ? 0 : said.get(said.size() - 1).seq();
                boolean waiting = !said.isEmpty() && said.get(said.size() - 1).fromCustomer();
                return new QueueEntry(c, last, waiting ? Optional.of(CLOCK.instant()) : Optional.empty(),
                        assignment(c.id()).orElseThrow());
            }).toList();
        }

        @Override
        public Optional<String> customerName(String customerId) {
            return Optional.ofNullable(customerNames.get(customerId));
        }

        @Override
        public void addListener(ConversationListener listener) {
            listeners.add(listener);
        }

        @Override
        public void removeListener(ConversationListener listener) {
            listeners.remove(listener);
        }
    }

    /** Understands each turn as neutral, counts how often it is asked, and raises what the test tells it to. */
    static final class CountingUnderstanding implements UnderstandingViewModel.Understanding {
        final Map<String, Integer> annotated = new HashMap<>();
        final Map<Long, List<Escalation>> open = new HashMap<>();
        final List<Consumer<Escalation>> listeners = new CopyOnWriteArrayList<>();
        /** Raised (stored and told to listeners) when the turn with this text is understood. */
        final Map<String, Escalation> raiseOn = new HashMap<>();
        /** What is found in the turn with this text (none otherwise). */
        final Map<String, List<Entity>> entitiesOn = new HashMap<>();
        final List<String> correctedBy = new ArrayList<>();
        int openReads;

        @Override
        public Optional<TurnAnnotation> annotate(Message turn) {
            if (!turn.fromCustomer()) {
                return Optional.empty();
            }
            annotated.merge(turn.conversationId() + ":" + turn.seq(), 1, Integer::sum);
            Escalation raised = raiseOn.get(turn.text());
            if (raised != null) {
                raise(raised);
            }
            return Optional.of(new TurnAnnotation(turn.conversationId(), turn.seq(),
                    new SentimentResult(Sentiment.NEUTRAL, 0.9, List.of(), SentimentResult.Method.CUES_ONLY, ""),
                    entitiesOn.getOrDefault(turn.text(), List.of()), Optional.empty()));
        }

        /** Stores an open escalation, or closes one, and tells the listeners, as the escalation service does. */
        void raise(Escalation e) {
            List<Escalation> list = open.computeIfAbsent(e.conversationId(), k -> new ArrayList<>());
            list.removeIf(x -> x.id() == e.id());
            if (e.isOpen()) {
                list.add(e);
            }
            listeners.forEach(l -> l.accept(e));
        }

        int timesUnderstood(long conversationId, int seq) {
            return annotated.getOrDefault(conversationId + ":" + seq, 0);
        }

        @Override
        public List<Escalation> openFor(long conversationId) {
            openReads++;
            return List.copyOf(open.getOrDefault(conversationId, List.of()));
        }

        @Override
        public TurnAnnotation correctSentiment(Message turn, Sentiment label, String agent) {
            correctedBy.add(agent);
            return annotate(turn).orElseThrow().withSentiment(new SentimentResult(label, 1.0, List.of(),
                    SentimentResult.Method.CUES_ONLY, "corrected"));
        }

        /** Refuses a name that is not an intent id, as the understanding service does. */
        @Override
        public TurnAnnotation correctIntent(Message turn, String intent, String agent) {
            if (!intent.strip().matches("[a-z0-9_]{2,64}")) {
                throw new CorrectionRefusedException(CorrectionRefusedException.Reason.BAD_INTENT_NAME);
            }
            correctedBy.add(agent);
            return annotate(turn).orElseThrow().withIntent(Optional.of(new DetectedIntent(intent.strip(), 1.0, false,
                    DetectedIntent.Origin.AGENT, "")));
        }

        @Override
        public TurnAnnotation removeEntity(Message turn, Entity wrong, String agent) {
            correctedBy.add(agent);
            return annotate(turn).orElseThrow().without(wrong);
        }

        @Override
        public void addListener(Consumer<Escalation> listener) {
            listeners.add(listener);
        }

        @Override
        public void removeListener(Consumer<Escalation> listener) {
            listeners.remove(listener);
        }
    }

    /**
     * Offers what the test sets for the latest customer turn; remembers what was rejected, shown and sent. What
     * is sent is stored in {@link #conversations} as a turn, as the reply and conversation services do.
     */
    static final class Assistant implements SuggestionPanelViewModel.Assistant, ComposeViewModel.Outbox {
        private final Conversations conversations;
        private final Allowlist allowlist;
        List<Suggestion> replies = List.of();
        List<ArticleHit> articles = List.of();
        Optional<SuggestionNotice> notice = Optional.empty();
        final List<Suggestion> withdrawn = new ArrayList<>();
        final List<Suggestion> rejected = new ArrayList<>();
        /** "reason | agent" of each rejection, in order. */
        final List<String> rejectedWhy = new ArrayList<>();
        final List<Suggestions> shown = new ArrayList<>();
        final List<String> sent = new ArrayList<>();
        final List<Optional<Suggestion>> sentBasedOn = new ArrayList<>();
        int asked;

        Assistant(Conversations conversations, Allowlist allowlist) {
            this.conversations = conversations;
            this.allowlist = allowlist;
        }

        @Override
        public Suggestions suggest(long conversationId, List<Message> turns, String agent) {
            asked++;
            int seq = 0;
            for (Message m : turns) {
                if (m.fromCustomer()) {
                    seq = m.seq();
                }
            }
            return new Suggestions(conversationId, seq, replies, articles, notice);
        }

        /** Withdrawn when the test says so, or when a supervisor blocked or deleted its allowlist entry. */
        @Override
        public boolean stillOffered(Suggestion suggestion) {
            return !withdrawn.contains(suggestion) && !allowlist.withdrawnRefs.contains(suggestion.sourceRef());
        }

        @Override
        public void reject(Suggestion suggestion, Optional<String> reason, String agent) {
            rejected.add(suggestion);
            rejectedWhy.add(reason.orElse("") + " | " + agent);
        }

        @Override
        public void shown(Suggestions suggestions) {
            shown.add(suggestions);
        }

        @Override
        public Optional<Message> send(long conversationId, String text, Optional<Suggestion> basedOn, String agent) {
            Optional<String> holder = conversations.assignment(conversationId).flatMap(Assignment::holder);
            if (holder.isPresent() && !holder.get().equals(agent)) {
                throw new MessageRejectedException(MessageRejectedException.Reason.HELD_BY_SOMEONE_ELSE, holder.get());
            }
            sent.add(text);
            sentBasedOn.add(basedOn);
            Message stored = agent(conversationId, conversations.nextSeq(conversationId), text);
            conversations.arrive(stored);
            return Optional.of(stored);
        }

        @Override
        public Optional<Message> customerSaid(long conversationId, String text) {
            sent.add("customer: " + text);
            Message stored = customer(conversationId, conversations.nextSeq(conversationId), text);
            conversations.arrive(stored);
            return Optional.of(stored);
        }
    }

    /** The Smart Reply allowlist in memory; what is blocked or deleted is no longer offered ("reply:" + id). */
    static final class Allowlist implements AllowlistCurationViewModel.Allowlist {
        final List<AllowlistEntry> entries = new ArrayList<>();
        final Set<String> withdrawnRefs = new HashSet<>();
        final List<String> changedBy = new ArrayList<>();

        AllowlistEntry add(long id, String text) {
            AllowlistEntry e = new AllowlistEntry(id, "en", text, AllowlistEntry.Status.UNREVIEWED, 3, List.of());
            entries.add(e);
            return e;
        }

        @Override
        public List<AllowlistEntry> entries() {
            return List.copyOf(entries);
        }

        @Override
        public void allow(long entryId, String supervisor) {
            set(entryId, AllowlistEntry.Status.ALLOWED, supervisor);
        }

        @Override
        public void block(long entryId, String supervisor) {
            set(entryId, AllowlistEntry.Status.BLOCKED, supervisor);
            withdrawnRefs.add("reply:" + entryId);
        }

        @Override
        public void delete(long entryId) {
            entries.removeIf(e -> e.id() == entryId);
            withdrawnRefs.add("reply:" + entryId);
        }

        private void set(long entryId, AllowlistEntry.Status status, String supervisor) {
            changedBy.add(supervisor);
            entries.replaceAll(e -> e.id() == entryId
                    ? new AllowlistEntry(e.id(), e.language(), e.text(), status, e.timesSent(), e.questions()) : e);
        }
    }

    /** Closing stores the summary and closes the conversation, which every listener hears of. */
    static final class Closings implements CloseConversationViewModel.Closing {
        private final Conversations conversations;
        final Map<Long, String> summaries = new HashMap<>();

        Closings(Conversations conversations) {
            this.conversations = conversations;
        }

        @Override
        public app.tandem.assist.ConversationSummary.Parts draftSummary(long conversationId) {
            return new app.tandem.assist.ConversationSummary.Parts("", List.of(), List.of(), "", List.of());
        }

        @Override
        public void close(long conversationId, String summary) {
            summaries.put(conversationId, summary);
            conversations.close(conversationId);
        }
    }

    /** The whole desk over the fakes above. */
    static final class Desk {
        final Tasks tasks = new Tasks();
        final Conversations conversations = new Conversations();
        final CountingUnderstanding understanding = new CountingUnderstanding();
        final Allowlist allowlist = new Allowlist();
        final Assistant assistant = new Assistant(conversations, allowlist);
        final Closings closings = new Closings(conversations);
        final DeskViewModel vm;

        Desk(User user) {
            this(user, ENGLISH);
        }

        /** A desk in {@code texts}' language. */
        Desk(User user, Texts texts) {
            NoticeBoard notices = new NoticeBoard();
            ConversationViewModel conversation = new ConversationViewModel(conversations, tasks, NOWHERE, texts, notices::failed);
            vm = new DeskViewModel(new DeskViewModel.Parts(
                    new QueueViewModel(conversations, user, tasks, NOWHERE, texts, CLOCK, notices::failed),
                    conversation,
                    new UnderstandingViewModel(understanding, conversation, notices, user, tasks, NOWHERE, NOWHERE, texts),
                    new SuggestionPanelViewModel(assistant, conversation, notices, user.username(), tasks, NOWHERE, NOWHERE, texts),
                    new SuggestionWording(texts),
                    new ComposeViewModel(assistant, conversation, user.username(), tasks, NOWHERE, texts),
                    new NewConversationViewModel(new NoOpenings(), List.of(), tasks, NOWHERE, texts, notices::failed),
                    new CloseConversationViewModel(closings, conversation, tasks, NOWHERE, texts),
                    new AllowlistCurationViewModel(Optional.of(allowlist), user, tasks, NOWHERE, texts, notices::failed),
                    // No customer repository: for a conversation with a customer the profile's read fails quietly and
                    // the panel stays empty; no test here reads it.
                    new CustomerProfileViewModel(null, null, tasks, NOWHERE),
                    notices,
                    new HolderViewModel(conversations, conversation, user, tasks, NOWHERE, texts, notices::failed),
                    new PassOnViewModel(conversations, conversation, user, tasks, NOWHERE, texts),
                    new AttachmentViewModel(new NoAttachments(), conversation, user.username(), tasks, NOWHERE, texts,
                            notices::failed)), conversations, tasks);
        }
    }

    /** The fake conversations carry no images (AttachmentViewModelTest has its own). */
    private static final class NoAttachments implements AttachmentViewModel.Attachments {
        @Override
        public List<app.tandem.conversation.Attachment> attachments(long conversationId) {
            return List.of();
        }

        @Override
        public Optional<byte[]> content(long attachmentId) {
            return Optional.empty();
        }

        @Override
        public app.tandem.conversation.Attachment.Correction correct(long attachmentId, String text, String agent) {
            throw new UnsupportedOperationException("not in these tests");
        }
    }

    private static final class NoOpenings implements NewConversationViewModel.Openings {
        @Override
        public Conversation open(Optional<String> customerId, Channel channel, String title) {
            throw new UnsupportedOperationException("not in these tests");
        }

        @Override
        public app.tandem.channel.TranscriptReplay.Playback replay(app.tandem.channel.Transcript transcript, double speed) {
            throw new UnsupportedOperationException("not in these tests");
        }

        @Override
        public List<app.tandem.customer.Customer> customers(String text) {
            return List.of();
        }
    }
}
