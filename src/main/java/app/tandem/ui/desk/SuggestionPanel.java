package app.tandem.ui.desk;

import app.tandem.assist.AssistService;
import app.tandem.assist.Suggestion;
import app.tandem.kb.ArticleHit;
import app.tandem.ui.common.ArticleCard;
import app.tandem.ui.common.Css;
import app.tandem.ui.common.SuggestionCard;
import app.tandem.ui.common.Texts;
import app.tandem.ui.customers.CustomerPanel;
import app.tandem.ui.customers.CustomerProfileViewModel;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The desk's right pane: the suggested replies (one card per rank, made once and filled in), the notice line,
 * the articles found, and below them the customer's profile.
 */
final class SuggestionPanel {

    private final SuggestionPanelViewModel vm;
    private final SuggestionWording wording;
    private final VBox suggestionsBox = new VBox(8);
    private final List<SuggestionCard> suggestionCards = new ArrayList<>();
    private final VBox articlesBox = new VBox(8);
    private final List<ArticleCard> articleCards = new ArrayList<>();
    private final Label notice = new Label();
    private final ProgressIndicator busy = new ProgressIndicator();
    private final CustomerPanel customerPanel;
    private final SplitPane side;

    /**
     * @param insert  the agent inserts the suggestion at a rank (1-based)
     * @param reject  the agent rejects the suggestion at a rank (asks why)
     * @param curate  opens the allowlist dialog; empty when this person may not curate
     */
    SuggestionPanel(SuggestionPanelViewModel vm, SuggestionWording wording, CustomerProfileViewModel customer, Texts texts,
                    NoticeTexts notices, ZoneId zone, Consumer<String> openArticle, IntConsumer insert, IntConsumer reject,
                    Optional<Runnable> curate) {
        this.vm = vm;
        this.wording = wording;
        busy.setPrefSize(16, 16);
        busy.setMaxSize(16, 16);
        busy.setVisible(vm.suggestingProperty().get());
        vm.suggestingProperty().addListener((obs, was, is) -> busy.setVisible(is)); // set, not bound: see DeskView.rehearseInPlace
        Label repliesTitle = DeskView.paneTitle(texts.get("assist.replies"));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox repliesHeader = new HBox(6, repliesTitle, spacer, busy);
        curate.ifPresent(open -> {
            MenuItem item = new MenuItem(texts.get("allowlist.menu"));
            item.setOnAction(e -> open.run());
            MenuButton menu = new MenuButton("⋯", null, item);
            menu.setId("assistMenu");
            menu.getStyleClass().addAll(Css.SMALL, Css.FLAT);
            repliesHeader.getChildren().add(menu);
        });
        repliesHeader.setAlignment(Pos.CENTER_LEFT);

        notice.setId("assistNotice");
        notice.getStyleClass().add(Css.EMPTY_STATE);
        notice.setWrapText(true);
        notice.textProperty().bind(Bindings.createStringBinding(() -> notices.words(vm.noticeProperty().get()), vm.noticeProperty()));
        notice.visibleProperty().bind(notice.textProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());

        suggestionsBox.setId("suggestions");
        articlesBox.setId("articles");
        // One card per rank and per article shown, made (and styled) with the desk, not when the first
        // suggestions arrive: then they are only filled in.
        for (int rank = 1; rank <= AssistService.MAX_REPLIES; rank++) {
            SuggestionCard card = new SuggestionCard(rank, texts, insert, reject);
            suggestionCards.add(card);
            suggestionsBox.getChildren().add(card.node());
        }
        for (int i = 0; i < AssistService.MAX_ARTICLES; i++) {
            ArticleCard card = new ArticleCard(texts, openArticle);
            articleCards.add(card);
            articlesBox.getChildren().add(card.node());
        }
        vm.suggestions().addListener((ListChangeListener<Suggestion>) c -> renderSuggestions(vm.suggestions()));
        vm.articles().addListener((ListChangeListener<ArticleHit>) c -> renderArticles(vm.articles()));
        Label articlesTitle = DeskView.paneTitle(texts.get("assist.articles"));
        articlesTitle.visibleProperty().bind(Bindings.isNotEmpty(vm.articles()));
        articlesTitle.managedProperty().bind(articlesTitle.visibleProperty());

        VBox assist = new VBox(8, repliesHeader, notice, suggestionsBox, articlesTitle, articlesBox);
        assist.setPadding(new Insets(10));
        ScrollPane assistScroll = new ScrollPane(assist);
        assistScroll.setFitToWidth(true);
        assistScroll.setId("assist");

        Label customerTitle = DeskView.paneTitle(texts.get("customer.title"));
        customerTitle.setPadding(new Insets(10, 10, 0, 10));
        customerPanel = new CustomerPanel(customer, texts, zone, "customerPanel");
        VBox.setVgrow(customerPanel.node(), Priority.ALWAYS);
        VBox customerBox = new VBox(customerTitle, customerPanel.node());

        side = new SplitPane(assistScroll, customerBox);
        side.setOrientation(Orientation.VERTICAL);
        side.setDividerPositions(0.7);
        side.setMinWidth(300);
    }

    Node node() {
        return side;
    }

    /** Fills the cards, the profile and the busy sign with samples of each kind until {@link #showModel}. */
    void showSample(boolean chinese) {
        renderSuggestions(RehearsalSamples.suggestions(chinese));
        renderArticles(List.of(RehearsalSamples.article(0, chinese, 0), RehearsalSamples.article(1, chinese, 1),
                RehearsalSamples.article(2, chinese, 2)));
        customerPanel.show(Optional.of(RehearsalSamples.customer(chinese)),
                List.of(RehearsalSamples.past(1, chinese), RehearsalSamples.past(2, !chinese)));
        busy.setVisible(true);
    }

    void showModel() {
        renderSuggestions(vm.suggestions());
        renderArticles(vm.articles());
        customerPanel.showModel();
        busy.setVisible(vm.suggestingProperty().get());
    }

    /** Fills the cards of the ranks shown and hides the rest (see {@link SuggestionCard}). */
    private void renderSuggestions(List<Suggestion> shown) {
        for (int i = 0; i < suggestionCards.size(); i++) {
            if (i < shown.size()) {
                Suggestion s = shown.get(i);
                suggestionCards.get(i).show(wording.text(s), wording.provenance(s), s.confidence());
            } else {
                suggestionCards.get(i).hide();
            }
        }
    }

    /** Fills one card per article found and hides the rest (see {@link ArticleCard}). */
    private void renderArticles(List<ArticleHit> found) {
        for (int i = 0; i < articleCards.size(); i++) {
            if (i < found.size()) {
                articleCards.get(i).show(found.get(i));
            } else {
                articleCards.get(i).hide();
            }
        }
    }
}
