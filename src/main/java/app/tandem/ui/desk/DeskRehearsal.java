package app.tandem.ui.desk;

import static app.tandem.ui.desk.RehearsalSamples.article;
import static app.tandem.ui.desk.RehearsalSamples.customer;
import static app.tandem.ui.desk.RehearsalSamples.past;
import static app.tandem.ui.desk.RehearsalSamples.provenance;
import static app.tandem.ui.desk.RehearsalSamples.queued;
import static app.tandem.ui.desk.RehearsalSamples.sample;
import static app.tandem.ui.desk.RehearsalSamples.turn;

import app.tandem.ui.common.ArticleCard;
import app.tandem.ui.common.SuggestionCard;
import app.tandem.ui.common.Texts;
import app.tandem.ui.customers.CustomerPanel;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;

/**
 * Runs the desk's drawing code on sample data right after the desk opens, so that the agent's first conversation
 * does not meet it cold. The session's first conversation used to stall the FX thread for 27–45 ms at its
 * opening (classes loading, code interpreted before the JIT compiles it, styles not yet looked up; README),
 * later ones for 12 ms at most. It is done in two parts:
 * <ol>
 *   <li>{@link DeskView#rehearseInPlace}, once, before the window's first frame: the desk's own lists, cards and
 *       profile panel draw samples and are put back, so the live scene's cells, skins and style cache exist before
 *       the first conversation (styles are cached per scene; this part took the first conversation's worst stretch
 *       from 15.4–29.0 to 10.2–16.9 ms, README);</li>
 *   <li>this class, for the JIT: sample turns, queue entries, cards and customer profiles, in English and Chinese,
 *       are shown, styled and laid out {@code ROUNDS} times in a scene of their own that is never on screen, a few
 *       milliseconds of each frame at a time, using the desk's own cells, cards and profile panel (without it the
 *       conversation after the first spent 15 % more FX time).</li>
 * </ol>
 */
public final class DeskRehearsal {

    /** Enough for the JIT: 400 rounds gave the first conversation no shorter stalls than 150 (README). */
    static final int ROUNDS = 150;
    /** A round is done in steps (the conversation, the queue, the side panel): a cold step can take tens of ms. */
    private static final int STEPS = 3;
    /** FX time per frame given to the rehearsal: well under a 60 Hz frame. */
    private static final long SLICE_NANOS = 4_000_000;

    private final ListView<ConversationPane.Turn> conversation = new ListView<>();
    private final ListView<QueueViewModel.QueueItem> queue = new ListView<>();
    private final List<SuggestionCard> suggestionCards = new ArrayList<>();
    private final List<ArticleCard> articleCards = new ArrayList<>();
    private final VBox side = new VBox(8);
    private final CustomerPanel customerPanel;
    private final Scene scene;
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper(false);
    private final AnimationTimer frames;
    private int step;

    DeskRehearsal(Supplier<ListCell<ConversationPane.Turn>> turnCells, Supplier<ListCell<QueueViewModel.QueueItem>> queueCells,
                  Texts texts, ZoneId zone, List<String> stylesheets) {
        conversation.setCellFactory(list -> turnCells.get());
        queue.setCellFactory(list -> queueCells.get());
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
        // Each step styles and lays out only its own part, sized here once: the first round, cold, styled the
        // whole scene in one step (41–51 ms of one frame; now 31–38 ms, README).
        scene = new Scene(new Pane(queue, conversation, side), 1200, 700);
        scene.getStylesheets().setAll(stylesheets);
        queue.resize(260, 640);
        conversation.resize(520, 640);
        side.resize(380, 700);
        frames = new AnimationTimer() {
            @Override
            public void handle(long now) {
                long until = System.nanoTime() + SLICE_NANOS;
                do {
                    rehearse(step / STEPS, step % STEPS);
                    step++;
                } while (step < ROUNDS * STEPS && System.nanoTime() < until);
                if (step >= ROUNDS * STEPS) {
                    DeskRehearsal.this.stop();
                    done.set(true);
                }
            }
        };
    }

    public void start() {
        frames.start();
    }

    /**
     * Stops and lets the sample nodes go: once every round has run, or early when the window closes or is rebuilt
     * (sign-out, another theme or language) before that.
     */
    public void stop() {
        frames.stop();
        scene.setRoot(new VBox()); // let the sample nodes go
    }

    /** True once every round has run. */
    public ReadOnlyBooleanProperty doneProperty() {
        return done.getReadOnlyProperty();
    }

    private void rehearse(int n, int step) {
        boolean chinese = n % 2 == 1;
        Parent part = switch (step) {
            case 0 -> {
                List<ConversationPane.Turn> turns = new ArrayList<>();
                for (int seq = 1; seq <= 2 + n % 7; seq++) {
                    turns.add(turn(seq, chinese, n));
                }
                conversation.setItems(FXCollections.observableList(turns));
                yield conversation;
            }
            case 1 -> {
                queue.setItems(FXCollections.observableList(List.of(queued(1, n % 3 == 0), queued(2, n % 3 == 1),
                        queued(3, chinese))));
                yield queue;
            }
            default -> {
                for (int i = 0; i < suggestionCards.size(); i++) {
                    if ((n + i) % 5 == 4) {
                        suggestionCards.get(i).hide();
                    } else {
                        suggestionCards.get(i).show(sample(chinese, i + n), provenance(chinese, n), 0.9 - i * 0.2);
                    }
                }
                for (int i = 0; i < articleCards.size(); i++) {
                    articleCards.get(i).show(article(i, chinese, n));
                }
                customerPanel.show(Optional.of(customer(chinese)), List.of(past(1, chinese), past(2, !chinese)));
                yield side;
            }
        };
        part.applyCss();
        part.layout();
    }
}
