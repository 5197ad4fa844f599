package app.tandem.app;

import app.tandem.assist.AssistService;
import app.tandem.assist.FeedbackRanker;
import app.tandem.assist.MacroLibrary;
import app.tandem.office.SharedSetting;
import app.tandem.assist.Profiles;
import app.tandem.assist.ReplyService;
import app.tandem.assist.ResolutionLearner;
import app.tandem.assist.ResolvedIntentLearner;
import app.tandem.assist.SavedRanker;
import app.tandem.assist.SimpleSlots;
import app.tandem.assist.SmartReplies;
import app.tandem.assist.StarterMacros;
import app.tandem.assist.escalation.EscalationService;
import app.tandem.assist.escalation.KbArticleIntentSource;
import app.tandem.assist.escalation.KeywordIntentSource;
import app.tandem.assist.escalation.ModelIntentSource;
import app.tandem.assist.escalation.TurnUnderstanding;
import app.tandem.backup.OfficeBackups;
import app.tandem.backup.ScheduledBackups;
import app.tandem.channel.TranscriptReplay;
import app.tandem.channel.image.ImageTextReader;
import app.tandem.channel.image.TrainedData;
import app.tandem.conversation.Conversation;
import app.tandem.conversation.ConversationFeed;
import app.tandem.conversation.ConversationListener;
import app.tandem.conversation.ConversationService;
import app.tandem.conversation.Message;
import app.tandem.customer.Customer;
import app.tandem.customer.CustomerRepository;
import app.tandem.kb.IndexCheck;
import app.tandem.kb.KbIndex;
import app.tandem.kb.KnowledgeBase;
import app.tandem.kb.StartWarning;
import app.tandem.kb.curation.Curation;
import app.tandem.kb.editor.CurationServices;
import app.tandem.kb.gaps.DuplicateFinder;
import app.tandem.kb.gaps.GapFinder;
import app.tandem.kb.gaps.NlpSentenceVectors;
import app.tandem.kb.transfer.KbTransfer;
import app.tandem.nlp.EngineStatus;
import app.tandem.nlp.entities.EntityExtractor;
import app.tandem.nlp.intent.IntentModelStore;
import app.tandem.nlp.intent.IntentModelTrainer;
import app.tandem.nlp.intent.IntentModels;
import app.tandem.nlp.intent.IntentTrainingSet;
import app.tandem.nlp.intent.OfficeIntentModel;
import app.tandem.nlp.intent.PromotedIntentModel;
import app.tandem.nlp.sentiment.SentimentService;
import app.tandem.office.OfficePresence;
import app.tandem.security.AccountService;
import app.tandem.security.AuditLog;
import app.tandem.security.IntegrationTokens;
import app.tandem.security.PasswordHasher;
import app.tandem.security.User;
import app.tandem.store.Database;
import app.tandem.store.H2DatabaseCopies;
import app.tandem.store.JdbcAllowlistRepository;
import app.tandem.store.JdbcArticleHistory;
import app.tandem.store.JdbcArticleRepository;
import app.tandem.store.JdbcArticleUsage;
import app.tandem.store.JdbcAuditLog;
import app.tandem.store.JdbcConversationRepository;
import app.tandem.store.JdbcIntegrationTokens;
import app.tandem.store.JdbcIntentModelReleases;
import app.tandem.store.JdbcPresenceRepository;
import app.tandem.store.JdbcSharedSettingStamps;
import app.tandem.store.JdbcCorrectionRepository;
import app.tandem.store.JdbcCustomerRepository;
import app.tandem.store.JdbcDraftRepository;
import app.tandem.store.JdbcEscalationRepository;
import app.tandem.store.JdbcIntentExampleRepository;
import app.tandem.store.JdbcMacroRepository;
import app.tandem.store.JdbcPresenceRepository;
import app.tandem.store.JdbcSuggestionLog;
import app.tandem.store.JdbcUnansweredQuestions;
import app.tandem.store.JdbcUserRepository;
import app.tandem.web.CustomerChat;
import app.tandem.work.DataFailure;
import app.tandem.work.Progress;
import app.tandem.work.StartStep;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds every service once, in order, for one data folder, and closes them
 * in reverse. The desk window and every command line command start from here.
 */
public final class Tandem implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Tandem.class);

    /**
     * What starting up found worth telling the person: skipped KB files and articles the index could not
     * hold (as data, so the desk can say them in the person's language), and what bringing the index into
     * agreement with the database did.
     */
    public record StartReport(int articlesSeeded, int customersSeeded, List<StartWarning> warnings, IndexCheck index) {

        public boolean indexRebuilt() {
            return index.rebuilt();
        }
    }

    /**
     * What a started Tandem runs besides its services. {@link #DESK}, what the desk and the commands
     * get: the sentence encoders, and every stored customer turn understood in the background
     * (sentiment, intent, entities, escalation rules). {@code understandTurns} false leaves that
     * background pass out ({@link #understanding} still answers when asked): the dialogue replay stores
     * thousands of customer turns that no desk shows, and their understanding queued on the same
     * encoder the suggestions being measured need.
     *
     * @param loadModels      false: no sentence encoders, keyword search only (as when they fail to load)
     * @param understandTurns false: no background understanding of stored customer turns
     */
    public record Options(boolean loadModels, boolean understandTurns) {

        public static final Options DESK = new Options(true, true);

        public Options withoutTurnUnderstanding() {
            return new Options(loadModels, false);
        }
    }

    private final Path dataFolder;
    private final InstanceLock lock;
    private final Database database;
    private final Optional<Seat> seat;
    /** This Tandem's name in the office's feeds: its own rows there were told to its listeners when written. */
    private final String seatName = OfficeFollowing.seatName();
    private final JdbcConversationRepository conversationStore;
    /** Its own thread, so the replay's scheduler or a re-ranker's training never holds another seat's publish back. */
    private final ScheduledExecutorService follower = Executors.newSingleThreadScheduledExecutor(daemon("office-follow"));
    private final OfficeLink officeLink = new OfficeLink();
    /** A failure of following that is not the server's silence (said once, not every second); the follower's thread only. */
    private boolean followFailing;
    private final KbIndex index;
    private final ExecutorService inference;
    private final ExecutorService io;
    private final ScheduledExecutorService scheduler;
    /** Scheduled backups run here, so a long one holds neither the replay's scheduler nor the desk's I/O threads. */
    private final ExecutorService backupThread;
    private final Encoders encoders;
    /** Where the promoted suggestion re-ranker is kept, beside the other trained models. */
    private static final Path RERANKER_FOLDER = Path.of("models", "trained", "reranker");
    private final SavedRanker savedRanker;

    public final AuditLog audit;
    public final AccountService accounts;
    /** The bearer tokens of the chat platforms that forward customers to the web chat's API (issue 18). */
    public final IntegrationTokens integrationTokens;
    public final CustomerRepository customers;
    public final ConversationService conversations;
    /** This seat's person at the office (available, busy, away) and their colleagues'; said again every {@link OfficePresence#BEAT}. */
    public final OfficePresence presence;
    public final KnowledgeBase knowledgeBase;
    public final AssistService assist;
    public final MacroLibrary macros;
    private final SharedSettings sharedSettings;
    private final OfficeIntentModel officeModel;
    public final SmartReplies smartReplies;
    public final ReplyService replies;
    public final TranscriptReplay replay;
    /** The knowledge-base editor: workflow, versions, drafts, usage, import/export, gaps and duplicates. */
    public final CurationServices curation;
    /** Sentiment, entities and intent of each customer turn; escalations; agents' corrections. */
    public final TurnUnderstanding understanding;
    /** Intent model versions, the office's training examples, and the promoted model the desk classifies with. */
    public final IntentModels intentModels;
    /** Backups of this data folder taken while the desk works on it (Tools menu), and the schedule's settings. */
    public final OfficeBackups backups;
    /** Backups the schedule takes on its own; the desk listens for their failures. */
    public final ScheduledBackups scheduledBackups;
    private StartReport startReport;

    private Tandem(Path dataFolder, PasswordHasher hasher, Clock clock, Options options, Optional<Seat> thisRun) {
        this.dataFolder = dataFolder;
        this.lock = InstanceLock.acquire(dataFolder);
        try {
            // A seat of an office joins the office database (tandem join, or --server / --database for this run);
            // otherwise the data folder keeps its own.
            this.seat = thisRun.or(() -> Seat.of(dataFolder));
            this.database = seat.map(Seat::open).orElseGet(() -> Database.open(dataFolder));
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
        try {
            this.index = KbIndex.open(indexFolder(dataFolder));
        } catch (RuntimeException e) {
            database.close();
            lock.close();
            throw new IndexUnavailableException(indexFolder(dataFolder), e);
        }
        var ds = database.dataSource();
        this.audit = new JdbcAuditLog(ds, clock);
        this.accounts = new AccountService(new JdbcUserRepository(ds, clock), hasher, audit, clock);
        this.integrationTokens = new IntegrationTokens(new JdbcIntegrationTokens(ds), audit, clock);
        this.customers = new JdbcCustomerRepository(ds);
        this.conversationStore = new JdbcConversationRepository(ds, seatName);
        this.conversations = new ConversationService(conversationStore, clock);
        this.presence = new OfficePresence(new JdbcPresenceRepository(ds), seatName, clock);
        this.knowledgeBase = new KnowledgeBase(new JdbcArticleRepository(ds, clock), index, audit);
        JdbcSuggestionLog suggestionLog = new JdbcSuggestionLog(ds, clock);
        this.macros = new MacroLibrary(new JdbcMacroRepository(ds));
        KnowledgeBase kb = knowledgeBase;
        this.smartReplies = new SmartReplies(new JdbcAllowlistRepository(ds), lang -> kb.encoders().forLanguage(lang));
        this.assist = new AssistService(knowledgeBase, suggestionLog, macros, smartReplies,
                profiles(conversations, customers, accounts), new SimpleSlots());
        this.savedRanker = new SavedRanker(dataFolder.resolve(RERANKER_FOLDER));
        this.replies = new ReplyService(conversations, suggestionLog);
        // Once in the office, by the seat that closed the conversation: every seat hears of the close.
        conversations.addListenerForThisSeat(new ResolutionLearner(conversations, suggestionLog, knowledgeBase));
        int cores = Runtime.getRuntime().availableProcessors();
        this.inference = Executors.newFixedThreadPool(Math.max(1, cores), daemon("inference"));
        this.io = Executors.newFixedThreadPool(2, daemon("io"));
        this.scheduler = Executors.newSingleThreadScheduledExecutor(daemon("replay"));
        this.backupThread = Executors.newSingleThreadExecutor(daemon("backup"));
        this.backups = new OfficeBackups(dataFolder, H2DatabaseCopies.of(database), Backups.version(), clock);
        this.scheduledBackups = new ScheduledBackups(backups, clock);
        this.replay = new TranscriptReplay(conversations, customers, scheduler);
        this.encoders = options.loadModels() ? Encoders.loadInBackground(dataFolder.resolve("models").resolve("trained")) : Encoders.none();
        this.curation = curation(ds, clock);
        IntentModelStore intentStore = new IntentModelStore(dataFolder.resolve("models").resolve("trained").resolve("intent"));
        IntentTrainingSet intentExamples = new IntentTrainingSet(new JdbcIntentExampleRepository(ds), clock);
        this.intentModels = new IntentModels(new IntentModelTrainer(intentStore, clock), intentExamples,
                new PromotedIntentModel(intentStore, encoders::ready));
        OfficeIntentModel officeModel = new OfficeIntentModel(intentStore, intentModels.promoted(),
                new JdbcIntentModelReleases(ds), System.getProperty("user.name") + "@" + seatHost(), clock);
        if (seat.isPresent()) {
            intentModels.onCurrentChanged(officeModel::releaseCurrent);
        }
        this.officeModel = officeModel;
        this.sharedSettings = new SharedSettings(new JdbcSharedSettingStamps(ds), Map.of(
                SharedSetting.MACROS, macros::forget,
                SharedSetting.ALLOWLIST, smartReplies::reload,
                SharedSetting.INTENT_MODEL, officeModel::follow));
        KeywordIntentSource keywordIntents = new KeywordIntentSource();
        this.understanding = new TurnUnderstanding(new SentimentService(encoders::ready, inference), new EntityExtractor(clock),
                new ModelIntentSource(intentModels.promoted(), new KbArticleIntentSource(knowledgeBase, keywordIntents), keywordIntents),
                new EscalationService(new JdbcEscalationRepository(ds), clock), new JdbcCorrectionRepository(ds), intentExamples, clock);
        conversations.addListenerForThisSeat(new ResolvedIntentLearner(conversations, suggestionLog, knowledgeBase, understanding, intentExamples));
        if (options.understandTurns()) {
            // By the seat that stored the turn, so its escalations are raised once; another seat's desk understands
            // the turn when it shows it, and forgets every closed conversation.
            conversations.addListenerForThisSeat(understandEachCustomerTurn());
            conversations.addListener(new ConversationListener() {
                @Override
                public void conversationClosed(Conversation conversation) {
                    understanding.forget(conversation.id());
                }
            });
        }
    }

    private ConversationListener understandEachCustomerTurn() {
        return new ConversationListener() {
            @Override
            public void messageAdded(Message message) {
                // Every customer turn is understood (and escalated) even when no desk shows its conversation.
                if (message.fromCustomer()) {
                    inference.execute(() -> {
                        try {
                            understanding.annotate(message);
                        } catch (RuntimeException e) {
                            log.warn("Turn {} of conversation {} not understood: {}", message.seq(), message.conversationId(), e.toString());
                        }
                    });
                }
            }
        };
    }

    /**
     * Opens the data folder: database (migrated), index, first-start seeding, and the index brought into
     * agreement with the database (caught up, or rebuilt when missing, damaged or in doubt), reported
     * through {@code progress}.
     */
    public static Tandem start(Path dataFolder, Progress progress) {
        return start(dataFolder, progress, Options.DESK);
    }

    /** {@code loadModels} false starts without the sentence encoders: keyword search only, as when they fail. */
    public static Tandem start(Path dataFolder, Progress progress, boolean loadModels) {
        return start(dataFolder, progress, new Options(loadModels, true));
    }

    public static Tandem start(Path dataFolder, Progress progress, Options options) {
        return start(dataFolder, progress, new PasswordHasher(), Clock.systemDefaultZone(), options);
    }

    static Tandem start(Path dataFolder, Progress progress, PasswordHasher hasher, Clock clock, boolean loadModels) {
        return start(dataFolder, progress, hasher, clock, new Options(loadModels, true));
    }

    /** The desk's start: as a seat of {@code thisRun}'s office when given, else as {@value Seat#FILE} says. */
    public static Tandem start(Path dataFolder, Progress progress, Optional<Seat> thisRun) {
        return start(dataFolder, progress, new PasswordHasher(), Clock.systemDefaultZone(), Options.DESK, thisRun);
    }

    static Tandem start(Path dataFolder, Progress progress, PasswordHasher hasher, Clock clock, Options options) {
        return start(dataFolder, progress, hasher, clock, options, Optional.empty());
    }

    static Tandem start(Path dataFolder, Progress progress, PasswordHasher hasher, Clock clock, Options options,
            Optional<Seat> thisRun) {
        progress.step(0, 3, StartStep.OPENING_DATABASE);
        Tandem tandem = new Tandem(dataFolder, hasher, clock, options, thisRun);
        try {
            progress.step(1, 3, StartStep.LOADING);
            // A seat's office was filled by its server (FirstStart.seedOffice): seats never seed.
            boolean solo = tandem.seat.isEmpty();
            KnowledgeBase.SeedReport seeded = solo ? FirstStart.seedKnowledgeBase(tandem.knowledgeBase, clock)
                    : new KnowledgeBase.SeedReport(0, List.of());
            if (solo) {
                tandem.macros.seedIfEmpty(StarterMacros.bundled());
            }
            int customers = solo ? FirstStart.seedCustomers(tandem.customers, new JdbcConversationRepository(tandem.database.dataSource())) : 0;
            List<StartWarning> warnings = new ArrayList<>();
            seeded.skipped().forEach(p -> warnings.add(StartWarning.skipped(p.file(), p.problem())));
            IndexCheck index = tandem.knowledgeBase.reconcileIndex(indexProgress(progress));
            log.info("Knowledge-base index in {}: {}", tandem.index.folder(), index.english());
            index.unindexed().stream().sorted().forEach(id -> warnings.add(StartWarning.notIndexed(id)));
            tandem.startReport = new StartReport(seeded.stored(), customers, warnings, index);
            tandem.encoders.whenReady(tandem.knowledgeBase);
            tandem.loadSmartRepliesWhenReady();
            // The promoted intent model reuses the shared encoder: load it once that is there.
            tandem.encoders.afterAttached(() -> tandem.intentModels.promoted().reload());
            if (tandem.seat.isPresent()) {
                // Another seat's publish is searchable here within about a second (issue 17: within 2 s).
                tandem.follower.scheduleWithFixedDelay(tandem::followOffice, 1, 1, TimeUnit.SECONDS);
                tandem.follower.scheduleWithFixedDelay(tandem.sharedSettings::follow, 0, 2, TimeUnit.SECONDS);
                tandem.follower.execute(tandem::takeTheOfficesIntentModel);
            }
            // Made after the seeding above, whose conversations the desk loads with the queue.
            new OfficeFollowing(tandem.seat.map(s -> new ConversationFeed(tandem.conversationStore, tandem.conversations,
                    tandem.seatName)), tandem.presence).start(tandem.follower);
            tandem.scheduler.execute(tandem::restoreRanker);
            tandem.scheduler.scheduleWithFixedDelay(tandem::retrainRanker, 2, 360, TimeUnit.MINUTES);
            // Asks often and backs up only when due: a schedule changed in the settings applies without a restart.
            tandem.scheduler.scheduleWithFixedDelay(() -> tandem.backupThread.execute(tandem.scheduledBackups::runIfDue),
                    1, 10, TimeUnit.MINUTES);
            progress.step(3, 3, StartStep.READY);
            return tandem;
        } catch (RuntimeException e) {
            tandem.close();
            throw e;
        }
    }

    /**
     * The start's progress for bringing the index up to date: the step is shown only once there is work
     * (a rebuild or a catch-up), so an index already in step does not flash it.
     */
    private static Progress indexProgress(Progress progress) {
        return new Progress() {
            private boolean announced;

            @Override
            public void update(long done, long total, String message) {
                if (!announced) {
                    announced = true;
                    progress.step(2, 3, StartStep.REBUILDING_INDEX);
                }
                progress.update(done, total, message);
            }

            @Override
            public boolean isCancelled() {
                return progress.isCancelled();
            }
        };
    }

    private CurationServices curation(javax.sql.DataSource ds, Clock clock) {
        JdbcArticleHistory history = new JdbcArticleHistory(ds, clock);
        NlpSentenceVectors vectors = new NlpSentenceVectors(encoders::ready);
        return new CurationServices(
                new Curation(knowledgeBase, history, new JdbcDraftRepository(ds), new JdbcArticleUsage(ds), audit, clock),
                new KbTransfer(knowledgeBase, history, audit, clock),
                new GapFinder(new JdbcUnansweredQuestions(ds), vectors, clock),
                new DuplicateFinder(vectors));
    }

    /** The conversation's customer and the agent's display name, as macros are filled with them. */
    private static Profiles profiles(ConversationService conversations, CustomerRepository customers, AccountService accounts) {
        return new Profiles() {
            @Override
            public Optional<Customer> customerOf(long conversationId) {
                return conversations.find(conversationId).flatMap(c -> c.customerId()).flatMap(customers::find);
            }

            @Override
            public String agentName(String username) {
                return accounts.users().stream().filter(u -> u.username().equals(username)).map(User::displayName)
                        .findFirst().orElse(username);
            }
        };
    }

    /** Retrains the suggestion re-ranker on feedback; promoted only when it beats the current ranking. */
    private void retrainRanker() {
        try {
            FeedbackRanker.Report report = assist.retrainRanker();
            log.info("Suggestion re-ranker: {}", report);
            if (report.promote()) {
                savedRanker.save(report);
            }
        } catch (RuntimeException | LinkageError e) {
            // LinkageError too: a PyTorch native library that fails to load must not end the schedule
            // (an uncaught throwable cancels every later run); suggestions keep the current ranking.
            log.warn("Could not retrain the suggestion re-ranker: {}", e.toString());
        }
    }

    /** Puts the last promoted re-ranker back in use, so a restart does not fall back to the confidence order. */
    private void restoreRanker() {
        try {
            if (assist.restoreRanker(savedRanker)) {
                log.info("Suggestion re-ranker restored from {}", dataFolder.resolve(RERANKER_FOLDER));
            }
        } catch (RuntimeException e) {
            log.warn("Could not restore the suggestion re-ranker: {}", e.getMessage());
        }
    }

    /** Once the knowledge base has its encoders, builds the Smart Reply allowlist from history (background). */
    private void loadSmartRepliesWhenReady() {
        encoders.afterAttached(() -> {
            try {
                int entries = smartReplies.rebuildFromHistory();
                log.info("Smart Reply allowlist: {} entries", entries);
            } catch (RuntimeException e) {
                log.warn("Could not build the Smart Reply allowlist: {}", e.getMessage());
            }
        });
    }

    public StartReport startReport() {
        return startReport;
    }

    public Path dataFolder() {
        return dataFolder;
    }

    /** A seat uses the office's intent model, whichever seat released it while this one was away. */
    private void takeTheOfficesIntentModel() {
        try {
            officeModel.follow().ifPresent(v -> log.info("Intent model: the office's, here as {}", v));
        } catch (RuntimeException e) {
            log.warn("Could not take the office's intent model: {}", e.getMessage());
        }
    }

    private static String seatHost() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "seat";
        }
    }

    /**
     * One step of following the office's knowledge-base changes, and the {@link OfficeLink}'s probe: the step is a
     * round trip to the server whether or not anything changed.
     */
    private void followOffice() {
        try {
            int caughtUp = knowledgeBase.followOffice();
            if (caughtUp > 0) {
                log.debug("Followed the office: {} articles re-indexed", caughtUp);
            }
            officeLink.answered();
            followFailing = false;
        } catch (RuntimeException e) {
            if (e instanceof DataFailure failure && failure.kind() == DataFailure.Kind.OFFICE_NOT_ANSWERING) {
                // The pooled connections may be the old server's: the next tick connects afresh.
                database.dropConnections();
                officeLink.failed(e.getMessage());
            } else if (!followFailing) {
                followFailing = true;
                log.warn("Cannot follow the office's knowledge-base changes: {}", e.getMessage());
            }
        }
    }

    /** Whether the office server answers; a solo desk's always does. */
    public OfficeLink officeLink() {
        return officeLink;
    }

    /**
     * Serves the customer chat page over this desk's conversations (issue 18): a customer's turn reaches this desk's
     * listeners at once, and the replies are followed from the office feed like any seat's.
     */
    public CustomerChat serveCustomerChat(String host, int port) {
        // Two threads, 20 s an image (as ImageTextReader.withDefaults): OCR must not take the CPU from the suggestions.
        int threads = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors() / 2));
        ImageTextReader reader = new ImageTextReader(TrainedData.unpackedUnder(dataFolder.resolve("cache")), threads,
                java.time.Duration.ofSeconds(20));
        return CustomerChat.start(conversations, conversationStore, integrationTokens, host, port, Optional.of(reader));
    }

    /** The office this seat belongs to; empty when the data folder keeps its own database. */
    public Optional<Seat> seat() {
        return seat;
    }

    public Path databaseFile() {
        return database.file();
    }

    public Path indexFolder() {
        return index.folder();
    }

    /** Where the knowledge-base index of {@code dataFolder} lives (rebuilt from the database when lost). */
    static Path indexFolder(Path dataFolder) {
        return dataFolder.resolve("index");
    }

    /** One line on the language models: loading, the device and models in use, or why keyword search only. */
    public String engineStatus() {
        return encoders.status().english();
    }

    /** The same as data, for the desk to say in the person's language. */
    public EngineStatus engine() {
        return encoders.status();
    }

    /**
     * For commands that measure semantic search: waits until the knowledge base searches with sentence
     * vectors in {@code language}, and says whether it does (false when the models could not load).
     */
    public boolean awaitVectors(String language, Duration timeout) {
        encoders.awaitAttached(timeout);
        return knowledgeBase.hasVectors(language);
    }

    /** For the desk: once the models are in, run the suggestion path until the JIT has compiled it. */
    void warmUpSuggestions() {
        encoders.afterAttached(() -> SuggestionWarmUp.run(knowledgeBase, assist));
    }

    Encoders encoders() {
        return encoders;
    }

    /** Runs model inference and searches; sized to the cores. */
    public ExecutorService inferenceExecutor() {
        return inference;
    }

    /** Runs database and file work that must not block the FX thread. */
    public ExecutorService ioExecutor() {
        return io;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        // Not interrupted: a thread interrupted inside Lucene's file I/O closes the index writer for good.
        follower.shutdown();
        backupThread.shutdown();
        intentModels.promoted().close();
        encoders.close();
        inference.shutdownNow();
        io.shutdown();
        try {
            follower.awaitTermination(5, TimeUnit.SECONDS);
            io.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        index.close();
        database.close();
        lock.close();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, "tandem-" + name);
            t.setDaemon(true);
            return t;
        };
    }
}
