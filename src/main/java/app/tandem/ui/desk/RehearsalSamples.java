package app.tandem.ui.desk;

import app.tandem.assist.Provenance;
import app.tandem.assist.Suggestion;
import app.tandem.assist.SuggestionSource;
import app.tandem.assist.escalation.DetectedIntent;
import app.tandem.assist.escalation.TurnAnnotation;
import app.tandem.conversation.Author;
import app.tandem.conversation.Channel;
import app.tandem.conversation.Conversation;
import app.tandem.conversation.ConversationStatus;
import app.tandem.conversation.Message;
import app.tandem.conversation.MessageOrigin;
import app.tandem.customer.Customer;
import app.tandem.kb.ArticleHit;
import app.tandem.kb.Snippet;
import app.tandem.nlp.entities.Entity;
import app.tandem.nlp.entities.EntityType;
import app.tandem.nlp.sentiment.Sentiment;
import app.tandem.nlp.sentiment.SentimentResult;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * What the desk draws when it rehearses ({@link DeskRehearsal}, {@link DeskView#rehearseInPlace}): turns with and
 * without chips, queue entries, customers, past conversations and articles, in English and Chinese. Ids are
 * negative, so nothing here can be taken for a stored conversation or message.
 */
final class RehearsalSamples {

    private RehearsalSamples() {}

    static ConversationPane.Turn turn(int seq, boolean chinese, int n) {
        Author author = seq % 2 == 1 ? Author.CUSTOMER : Author.AGENT;
        Message message = new Message(-seq, -1, seq, author, sample(chinese, seq + n),
                author == Author.CUSTOMER ? MessageOrigin.CUSTOMER : MessageOrigin.SUGGESTION_ACCEPTED,
                OptionalLong.empty(), author == Author.AGENT ? Optional.of("rehearsal") : Optional.empty(), Instant.EPOCH);
        if (author == Author.AGENT || (seq + n) % 4 == 3) {
            return new ConversationPane.Turn(message, null);
        }
        Sentiment sentiment = Sentiment.values()[(seq + n) % Sentiment.values().length];
        List<Entity> entities = (seq + n) % 3 == 0 ? List.of() : List.of(new Entity(EntityType.CARD_NUMBER, "4539", 0, 4, "4539"));
        return new ConversationPane.Turn(message, new TurnAnnotation(-1, seq,
                new SentimentResult(sentiment, 0.8, List.of(), SentimentResult.Method.CUES_ONLY, ""), entities,
                Optional.of(new DetectedIntent("card_arrival", 0.9, false, DetectedIntent.Origin.KEYWORDS, ""))));
    }

    static QueueViewModel.QueueItem queued(long id, boolean unread) {
        Conversation c = new Conversation(-id, Optional.empty(), Channel.values()[(int) id % Channel.values().length],
                sample(id % 2 == 0, (int) id), ConversationStatus.OPEN, Instant.EPOCH, Optional.empty(), Optional.empty());
        QueueViewModel.Group group = QueueViewModel.Group.values()[(int) (id - 1) % QueueViewModel.Group.values().length];
        return new QueueViewModel.QueueItem(c, id % 2 == 0 ? "" : "Sample Customer", 3, Optional.of(Instant.EPOCH), unread, group,
                group == QueueViewModel.Group.SUPERVISORS ? Optional.of(sample(id % 2 == 0, 1)) : Optional.empty());
    }

    static Customer customer(boolean chinese) {
        return new Customer(chinese ? "R2" : "R1", chinese ? "王芳" : "Sample Customer", chinese ? "个人客户" : "Retail",
                chinese ? "zh" : "en", Optional.of("sample@example.com"), Optional.of("+44 20 7946 0000"),
                Optional.of(LocalDate.of(2015, 3, 1)), List.of(sample(chinese, 1)),
                List.of(new Customer.Card("Debit", "4821", "ACTIVE")), sample(chinese, 2));
    }

    static Conversation past(long id, boolean chinese) {
        return new Conversation(-id, Optional.of("R1"), Channel.values()[(int) id % Channel.values().length], sample(chinese, (int) id),
                ConversationStatus.CLOSED, Instant.EPOCH, Optional.of(Instant.EPOCH), Optional.of(sample(chinese, 1)));
    }

    static ArticleHit article(int i, boolean chinese, int n) {
        Snippet snippet = new Snippet(List.of(new Snippet.Run(sample(chinese, n + i), false), new Snippet.Run("card", true)));
        return new ArticleHit("rehearsal-" + i, 1, sample(!chinese, n + i), chinese ? "zh" : "en", 0, sample(chinese, n),
                snippet, 3.0, 0.6, i == 0 ? Optional.of(sample(chinese, i)) : Optional.empty());
    }

    private static final List<String> ENGLISH = List.of("My new card still hasn't arrived, what should I do?",
            "Thanks for getting in touch. Cards usually arrive within 3 to 5 working days.",
            "I was charged twice for the same payment at the supermarket yesterday",
            "Can you explain that a bit more?");
    private static final List<String> CHINESE = List.of("我的新卡还没收到，怎么办？", "感谢您的咨询。新卡一般在3至5个工作日内寄达。",
            "昨天在超市同一笔消费被扣了两次款", "好，然后呢？");

    /** Three suggestions, one of each kind the desk explains: an article's answer, a macro with a gap, a past reply. */
    static List<Suggestion> suggestions(boolean chinese) {
        String title = sample(!chinese, 0);
        return List.of(
                new Suggestion(0, 1, sample(chinese, 1), 0.9, SuggestionSource.ARTICLE, "rehearsal-0", OptionalInt.of(1), "",
                        new Provenance(Provenance.Kind.ARTICLE, title, OptionalInt.of(1), Optional.empty(), List.of("card", "arrived"), 0, 0, "")),
                new Suggestion(0, 2, sample(chinese, 3) + " \u27e8card last 4\u27e9", 0.6, SuggestionSource.MACRO, "rehearsal-1",
                        OptionalInt.empty(), "", new Provenance(Provenance.Kind.MACRO, title, OptionalInt.empty(), Optional.of(sample(chinese, 0)),
                        List.of("\u27e8card last 4\u27e9"), 0, 0, "")),
                new Suggestion(0, 3, sample(chinese, 1), 0.4, SuggestionSource.HISTORY, "rehearsal-2", OptionalInt.empty(), "",
                        new Provenance(Provenance.Kind.PAST_REPLY, "", OptionalInt.empty(), Optional.empty(), List.of(), 7, 0.83, "")));
    }

    /** A suggestion card's provenance line. */
    static String provenance(boolean chinese, int n) {
        return "From \"" + sample(!chinese, n) + "\" (v1)";
    }

    static String sample(boolean chinese, int n) {
        List<String> texts = chinese ? CHINESE : ENGLISH;
        return texts.get(Math.floorMod(n, texts.size()));
    }
}
