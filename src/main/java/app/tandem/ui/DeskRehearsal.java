package app.tandem.ui;

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
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.scene.Scene;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * Runs the desk's drawing code off screen right after the desk opens, so that the agent's first conversation
 * does not meet it cold. The session's first conversation used to stall the FX thread for 27–45 ms at its
 * opening (classes loading, code interpreted before the JIT compiles it, styles not yet looked up; README),
 * later ones for 12 ms at most. Here sample turns, queue entries, cards and customer profiles, in English and Chinese (the first
 * Chinese text also loads its fonts), are shown, styled and laid out {@code ROUNDS} times in a scene of their own
 * that is never on screen, a few milliseconds of each frame at a time, using the desk's own cells, cards and
 * profile panel.
 */
final class DeskRehearsal {

    /** Enough for the JIT: 400 rounds gave the first conversation no shorter stalls than 150 (README). */
    static final int ROUNDS = 150;
    /** A round is done in steps (the conversation, the queue, the side panel): a cold step can take tens of ms. */
    private static final int STEPS = 3;
    /** FX time per frame given to the rehearsal: well under a 60 Hz frame. */
    private static final long SLICE_NANOS = 4_000_000;

    private final ListView<DeskView.Turn> conversation = new ListView<>();
    private final ListView<DeskViewModel.QueueItem> queue = new ListView<>();
    private final List<SuggestionCard> suggestionCards = new ArrayList<>();
    private final List<ArticleCard> articleCards = new ArrayList<>();
    private final CustomerPanel customerPanel;
    private final Scene scene;
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper(false);
    private final AnimationTimer frames;
    private int step;

    DeskRehearsal(Supplier<ListCell<DeskView.Turn>> turnCells, Supplier<ListCell<DeskViewModel.QueueItem>> queueCells,
                  Texts texts, ZoneId zone, List<String> stylesheets) {
        conversation.setCellFactory(list -> turnCells.get());
        queue.setCellFactory(list -> queueCells.get());
        VBox side = new VBox(8);
        for (int rank = 1; rank <= 3; rank++) {
            SuggestionCard card = new SuggestionCard(rank, texts, r -> { }, r -> { });
            suggestionCards.add(card);
            side.getChildren().add(card.node());
        }
        for (int i = 0; i < 3; i++) {
            ArticleCard card = new ArticleCard(texts, id -> { });
            articleCards.add(card);
            side.getChildren().add(card.node());
        }
        customerPanel = new CustomerPanel(texts, zone);
        side.getChildren().add(customerPanel.node());
        // A scene of its own: put into the desk's (where styles would be cached for it) it made the opening
        // longer for no measured gain, and node ids such as #customerName would be found twice.
        scene = new Scene(new HBox(queue, conversation, side), 1200, 700);
        scene.getStylesheets().setAll(stylesheets);
        frames = new AnimationTimer() {
            @Override
            public void handle(long now) {
                long until = System.nanoTime() + SLICE_NANOS;
                do {
                    rehearse(step / STEPS, step % STEPS);
                    step++;
                } while (step < ROUNDS * STEPS && System.nanoTime() < until);
                if (step >= ROUNDS * STEPS) {
                    stop();
                    scene.setRoot(new VBox()); // let the sample nodes go
                    done.set(true);
                }
            }
        };
    }

    void start() {
        frames.start();
    }

    /** True once every round has run. */
    ReadOnlyBooleanProperty doneProperty() {
        return done.getReadOnlyProperty();
    }

    private void rehearse(int n, int step) {
        boolean chinese = n % 2 == 1;
        switch (step) {
            case 0 -> {
                List<DeskView.Turn> turns = new ArrayList<>();
                for (int seq = 1; seq <= 2 + n % 7; seq++) {
                    turns.add(turn(seq, chinese, n));
                }
                conversation.setItems(FXCollections.observableList(turns));
            }
            case 1 -> queue.setItems(FXCollections.observableList(List.of(queued(1, n % 3 == 0), queued(2, n % 3 == 1),
                    queued(3, chinese))));
            default -> {
                for (int i = 0; i < suggestionCards.size(); i++) {
                    if ((n + i) % 5 == 4) {
                        suggestionCards.get(i).hide();
                    } else {
                        suggestionCards.get(i).show(sample(chinese, i + n), "From \"" + sample(!chinese, n) + "\" (v1)", 0.9 - i * 0.2);
                    }
                }
                for (int i = 0; i < articleCards.size(); i++) {
                    articleCards.get(i).show(article(i, chinese, n));
                }
                customerPanel.show(Optional.of(customer(chinese)), List.of(past(1, chinese), past(2, !chinese)));
            }
        }
        scene.getRoot().applyCss();
        scene.getRoot().layout();
    }

    private static DeskView.Turn turn(int seq, boolean chinese, int n) {
        Author author = seq % 2 == 1 ? Author.CUSTOMER : Author.AGENT;
        Message message = new Message(-seq, -1, seq, author, sample(chinese, seq + n),
                author == Author.CUSTOMER ? MessageOrigin.CUSTOMER : MessageOrigin.SUGGESTION_ACCEPTED,
                OptionalLong.empty(), author == Author.AGENT ? Optional.of("rehearsal") : Optional.empty(), Instant.EPOCH);
        if (author == Author.AGENT || (seq + n) % 4 == 3) {
            return new DeskView.Turn(message, null);
        }
        Sentiment sentiment = Sentiment.values()[(seq + n) % Sentiment.values().length];
        List<Entity> entities = (seq + n) % 3 == 0 ? List.of() : List.of(new Entity(EntityType.CARD_NUMBER, "4539", 0, 4, "4539"));
        return new DeskView.Turn(message, new TurnAnnotation(-1, seq,
                new SentimentResult(sentiment, 0.8, List.of(), SentimentResult.Method.CUES_ONLY, ""), entities,
                Optional.of(new DetectedIntent("card_arrival", 0.9, false, DetectedIntent.Origin.KEYWORDS, ""))));
    }

    private static DeskViewModel.QueueItem queued(long id, boolean unread) {
        Conversation c = new Conversation(-id, Optional.empty(), Channel.values()[(int) id % Channel.values().length],
                sample(id % 2 == 0, (int) id), ConversationStatus.OPEN, Instant.EPOCH, Optional.empty(), Optional.empty());
        return new DeskViewModel.QueueItem(c, id % 2 == 0 ? "" : "Sample Customer", 3, Optional.of(Instant.EPOCH), unread);
    }

    private static Customer customer(boolean chinese) {
        return new Customer(chinese ? "R2" : "R1", chinese ? "王芳" : "Sample Customer", chinese ? "个人客户" : "Retail",
                chinese ? "zh" : "en", Optional.of("sample@example.com"), Optional.of("+44 20 7946 0000"),
                Optional.of(LocalDate.of(2015, 3, 1)), List.of(sample(chinese, 1)),
                List.of(new Customer.Card("Debit", "4821", "ACTIVE")), sample(chinese, 2));
    }

    private static Conversation past(long id, boolean chinese) {
        return new Conversation(-id, Optional.of("R1"), Channel.values()[(int) id % Channel.values().length], sample(chinese, (int) id),
                ConversationStatus.CLOSED, Instant.EPOCH, Optional.of(Instant.EPOCH), Optional.of(sample(chinese, 1)));
    }

    private static ArticleHit article(int i, boolean chinese, int n) {
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

    private static String sample(boolean chinese, int n) {
        List<String> texts = chinese ? CHINESE : ENGLISH;
        return texts.get(Math.floorMod(n, texts.size()));
    }
}
