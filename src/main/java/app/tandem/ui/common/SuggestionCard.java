package app.tandem.ui.common;

import app.tandem.assist.Placeholders;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The card of the suggestion at one rank: the reply, where it comes from, its confidence, and Insert and
 * Reject. The side panel keeps one card per rank and fills it with each new suggestion: suggestions change
 * on every customer turn, and building three cards of buttons and bars each time made the FX thread style
 * some sixty new nodes in one pulse.
 */
public final class SuggestionCard {

    private final Texts texts;
    private final VBox card;
    private final Label text = new Label();
    private final Label gaps = new Label();
    private final Label why = new Label();
    private final ProgressBar confidence = new ProgressBar();
    private final Label percent = new Label();

    /** {@code insert} puts the suggestion at a rank in the compose box; {@code reject} opens the reject dialog for it. */
    public SuggestionCard(int rank, Texts texts, IntConsumer insert, IntConsumer reject) {
        this.texts = texts;
        Label number = new Label(String.valueOf(rank));
        number.getStyleClass().add(Css.SUGGESTION_RANK);
        number.setMinWidth(Region.USE_PREF_SIZE);
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        text.setMinWidth(0);
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox top = new HBox(8, number, text);

        confidence.getStyleClass().addAll(Css.CONFIDENCE, Css.SMALL);
        confidence.setPrefWidth(70);
        percent.getStyleClass().addAll(Css.TEXT_MUTED, Css.TEXT_SMALL);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button insertButton = new Button(texts.get("assist.insert"));
        insertButton.getStyleClass().addAll(Css.SMALL, Css.FLAT, Css.ACCENT);
        LazyTooltip.install(insertButton, () -> texts.format("assist.insert.tip", rank));
        insertButton.setOnAction(e -> insert.accept(rank));
        Button rejectButton = new Button("\u2715");
        rejectButton.getStyleClass().addAll(Css.SMALL, Css.FLAT);
        LazyTooltip.install(rejectButton, () -> texts.format("assist.reject.tip", rank));
        rejectButton.setId("reject" + rank);
        rejectButton.setOnAction(e -> reject.accept(rank));
        HBox bottom = new HBox(6, confidence, percent, spacer, insertButton, rejectButton);
        bottom.setAlignment(Pos.CENTER_LEFT);

        why.getStyleClass().addAll(Css.SUGGESTION_WHY, Css.TEXT_SMALL);
        why.setWrapText(true);
        why.setMinHeight(Region.USE_PREF_SIZE);
        // A macro variable without a value: the gap is marked in the text, and named here in the error colour.
        gaps.getStyleClass().addAll(Css.COMPOSE_ERROR, Css.TEXT_SMALL);
        gaps.setWrapText(true);
        gaps.setId("suggestionGaps" + rank);

        card = new VBox(6, top, gaps, why, bottom);
        card.getStyleClass().add(Css.CARD);
        card.setId("suggestion" + rank);
        LazyTooltip.install(card, why::getText);
        card.setOnMouseClicked(e -> {
            if (e.getClickCount() == 1 && e.getTarget() instanceof Node n && !(isInside(n, insertButton) || isInside(n, rejectButton))) {
                insert.accept(rank);
            }
        });
        hide();
    }

    public Node node() {
        return card;
    }

    public void show(String reply, String provenance, double score) {
        text.setText(reply);
        why.setText(provenance);
        confidence.setProgress(score);
        percent.setText(String.format(Locale.ROOT, "%d%%", Math.round(score * 100)));
        List<String> unfilled = Placeholders.unfilled(reply);
        gaps.setText(unfilled.isEmpty() ? "" : texts.format("assist.fillIn", String.join(", ", unfilled.stream().distinct().toList())));
        show(gaps, !unfilled.isEmpty());
        show(card, true);
    }

    /** Hidden cards keep no old text, so nothing can find or read a suggestion that is gone. */
    public void hide() {
        text.setText("");
        why.setText("");
        gaps.setText("");
        show(gaps, false);
        show(card, false);
    }

    private static void show(Node node, boolean shown) {
        node.setVisible(shown);
        node.setManaged(shown);
    }

    private static boolean isInside(Node n, Node container) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p == container) {
                return true;
            }
        }
        return false;
    }
}
