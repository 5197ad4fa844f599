package app.tandem.ui.common;

import app.tandem.kb.ArticleHit;
import app.tandem.kb.Snippet;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * The card of one knowledge-base article found for the customer's message: its title (opens the
 * article), the passage with the matched words marked, its language, version and id. Kept and refilled
 * like {@link SuggestionCard}, for the same reason: articles change on every customer turn.
 */
public final class ArticleCard {

    private final VBox card;
    private final Hyperlink title = new Hyperlink();
    private final TextFlow snippet = new TextFlow();
    private final Label meta = new Label();
    private ArticleHit hit;

    public ArticleCard(Texts texts, Consumer<String> openArticle) {
        title.getStyleClass().add(Css.TEXT_BOLD);
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        title.setPadding(Insets.EMPTY);
        title.setOnAction(e -> {
            if (hit != null) {
                openArticle.accept(hit.articleId());
            }
        });
        LazyTooltip.install(title, () -> texts.get("assist.open.tip"));
        snippet.getStyleClass().add(Css.SNIPPET);
        meta.getStyleClass().addAll(Css.TEXT_MUTED, Css.TEXT_SMALL);
        card = new VBox(4, title, snippet, meta);
        card.getStyleClass().add(Css.CARD);
        hide();
    }

    public Node node() {
        return card;
    }

    public void show(ArticleHit shown) {
        if (!shown.equals(hit)) {
            hit = shown;
            title.setText(shown.title());
            fill(snippet, shown.snippet());
            meta.setText(shown.language().toUpperCase(Locale.ROOT) + " \u00b7 v" + shown.version() + " \u00b7 " + shown.articleId());
        }
        card.setVisible(true);
        card.setManaged(true);
    }

    public void hide() {
        hit = null;
        title.setText("");
        snippet.getChildren().clear();
        meta.setText("");
        card.setVisible(false);
        card.setManaged(false);
    }

    /** The passage with the words that matched the customer's message in bold accent colour. */
    public static TextFlow snippet(Snippet snippet) {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().add(Css.SNIPPET);
        fill(flow, snippet);
        return flow;
    }

    private static void fill(TextFlow flow, Snippet snippet) {
        flow.getChildren().clear();
        for (Snippet.Run run : snippet.runs()) {
            Text t = new Text(run.text());
            t.getStyleClass().add(Css.MD_TEXT);
            if (run.matched()) {
                t.getStyleClass().add(Css.SNIPPET_MATCH);
            }
            flow.getChildren().add(t);
        }
    }
}
