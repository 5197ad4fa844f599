package app.tandem.kb;

import app.tandem.assist.Suggestion;
import app.tandem.assist.SuggestionAction;
import app.tandem.assist.SuggestionSource;
import app.tandem.conversation.Channel;
import app.tandem.conversation.ConversationService;
import app.tandem.kb.curation.Curation;
import app.tandem.kb.gaps.GapFinder;
import app.tandem.kb.gaps.SentenceVectors;
import app.tandem.kb.transfer.KbTransfer;
import app.tandem.security.Role;
import app.tandem.security.User;
import app.tandem.store.Database;
import app.tandem.store.JdbcArticleHistory;
import app.tandem.store.JdbcArticleRepository;
import app.tandem.store.JdbcArticleUsage;
import app.tandem.store.JdbcAuditLog;
import app.tandem.store.JdbcConversationRepository;
import app.tandem.store.JdbcDraftRepository;
import app.tandem.store.JdbcSuggestionLog;
import app.tandem.store.JdbcUnansweredQuestions;
import app.tandem.work.Progress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** The knowledge base and its editor over a real H2 file and Lucene index in a folder, seeded from kb/. */
public final class KbFixture implements AutoCloseable {

    public static final User SUPERVISOR = new User(2, "sue", "Sue Supervisor", Role.SUPERVISOR, 0, Optional.empty());
    public static final User SUPERVISOR_2 = new User(3, "sam", "Sam Supervisor", Role.SUPERVISOR, 0, Optional.empty());
    public static final User AGENT = new User(4, "alex", "Alex Agent", Role.AGENT, 0, Optional.empty());

    public final Database db;
    public final KbIndex index;
    public final JdbcAuditLog audit;
    public final KnowledgeBase kb;
    /** What opening the fixture found of the index, as a start does. */
    public final IndexCheck opened;
    public final Curation curation;
    public final KbTransfer transfer;
    public final ConversationService conversations;
    public final JdbcSuggestionLog suggestions;
    public final JdbcUnansweredQuestions unanswered;

    public KbFixture(Path folder, boolean seed) {
        Clock clock = Clock.systemUTC();
        db = Database.open(folder);
        index = KbIndex.open(folder.resolve("index"));
        audit = new JdbcAuditLog(db.dataSource(), clock);
        kb = new KnowledgeBase(new JdbcArticleRepository(db.dataSource(), clock), index, audit);
        if (seed) {
            kb.seedIfEmpty(KbFolder.readBundled(Instant.now()));
        }
        opened = kb.reconcileIndex(Progress.NONE);
        JdbcArticleHistory history = new JdbcArticleHistory(db.dataSource(), clock);
        curation = new Curation(kb, history, new JdbcDraftRepository(db.dataSource()), new JdbcArticleUsage(db.dataSource()),
                audit, clock);
        transfer = new KbTransfer(kb, history, audit, clock);
        conversations = new ConversationService(new JdbcConversationRepository(db.dataSource()), clock);
        suggestions = new JdbcSuggestionLog(db.dataSource(), clock);
        unanswered = new JdbcUnansweredQuestions(db.dataSource());
    }

    public GapFinder gapFinder(SentenceVectors vectors) {
        return new GapFinder(unanswered, vectors, Clock.systemUTC());
    }

    /** A customer asks; the given article suggestions are shown (confidence each) and the agent does {@code action}. */
    public long ask(String question, String articleId, double confidence, SuggestionAction action) {
        long conversation = conversations.open(Optional.empty(), Channel.CHAT, "test").id();
        int seq = conversations.receiveFromCustomer(conversation, question).orElseThrow().seq();
        if (articleId != null) {
            List<Suggestion> shown = suggestions.recordShown(conversation, seq, List.of(new Suggestion(0, 1, "reply",
                    confidence, SuggestionSource.ARTICLE, articleId, OptionalInt.of(1), "test")), "alex");
            if (action != null) {
                suggestions.recordAction(shown.get(0).id(), action, action == SuggestionAction.EDITED ? 5 : null, "alex");
            }
        }
        return conversation;
    }

    @Override
    public void close() {
        index.close();
        db.close();
    }
}
