package app.tandem.ui.kb;

import app.tandem.kb.ArticleStatus;
import app.tandem.ui.common.Converters;
import app.tandem.ui.common.Css;
import app.tandem.ui.common.Forms;
import app.tandem.ui.common.MarkdownView;
import app.tandem.ui.common.Texts;
import java.util.Locale;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The article editor: front-matter fields, Markdown with a live preview, the linked translation,
 * and the autosaved draft (two seconds after typing stops) offered back when the article reopens.
 */
final class ArticleEditorView {

    static final Duration AUTOSAVE_AFTER = Duration.seconds(2);
    private static final Duration PREVIEW_AFTER = Duration.millis(300);

    private final ArticleEditorViewModel vm;
    private final Texts texts;

    ArticleEditorView(ArticleEditorViewModel vm, Texts texts) {
        this.vm = vm;
        this.texts = texts;
    }

    Node node() {
        TextField title = new TextField();
        title.setId("kbEditTitle");
        title.textProperty().bindBidirectional(vm.editTitleProperty());
        TextField tags = new TextField();
        tags.setId("kbEditTags");
        tags.setPromptText(texts.get("kb.tagsPrompt"));
        tags.textProperty().bindBidirectional(vm.editTagsProperty());
        TextField intents = new TextField();
        intents.setId("kbEditIntents");
        intents.setPromptText(texts.get("kb.intentsPrompt"));
        intents.textProperty().bindBidirectional(vm.editIntentsProperty());
        TextField translationOf = new TextField();
        translationOf.setId("kbEditTranslationOf");
        translationOf.setPromptText(texts.get("kb.translationOfPrompt"));
        translationOf.textProperty().bindBidirectional(vm.editTranslationOfProperty());
        Hyperlink translation = new Hyperlink();
        translation.setId("kbOpenTranslation");
        translation.textProperty().bind(Bindings.createStringBinding(() -> vm.linkedTranslationProperty().get().isBlank()
                ? "" : texts.format("kb.openTranslation", vm.linkedTranslationProperty().get()), vm.linkedTranslationProperty()));
        translation.visibleProperty().bind(vm.linkedTranslationProperty().isNotEmpty());
        translation.setOnAction(e -> vm.openTranslation());
        Label language = new Label();
        language.setId("kbEditLanguage");
        language.textProperty().bind(Bindings.createStringBinding(() -> vm.articleProperty().get() == null ? ""
                : vm.articleProperty().get().language().toUpperCase(Locale.ROOT) + "  \u00b7  " + vm.articleProperty().get().id(),
                vm.articleProperty()));
        language.getStyleClass().add(Css.TEXT_MUTED);
        ChoiceBox<ArticleStatus> status = new ChoiceBox<>(FXCollections.observableArrayList(ArticleStatus.values()));
        status.setId("kbEditStatus");
        status.valueProperty().bindBidirectional(vm.editStatusProperty());
        status.setConverter(Converters.converter(s -> texts.get("status." + s.name())));

        TextArea body = new TextArea();
        body.setId("kbEditBody");
        body.setWrapText(true);
        body.textProperty().bindBidirectional(vm.editBodyProperty());
        body.getStyleClass().add(Css.MD_CODE);
        ScrollPane preview = new ScrollPane();
        preview.setId("kbPreview");
        preview.setFitToWidth(true);
        preview.setPadding(new Insets(8));
        PauseTransition render = new PauseTransition(PREVIEW_AFTER);
        render.setOnFinished(e -> preview.setContent(MarkdownView.render(body.getText() == null ? "" : body.getText())));
        body.textProperty().addListener((obs, o, n) -> render.playFromStart());
        SplitPane bodyAndPreview = new SplitPane(body, preview);
        bodyAndPreview.setDividerPositions(0.55);

        PauseTransition autosave = new PauseTransition(AUTOSAVE_AFTER);
        autosave.setOnFinished(e -> vm.autosave());
        for (var p : java.util.List.of(vm.editTitleProperty(), vm.editTagsProperty(), vm.editIntentsProperty(),
                vm.editTranslationOfProperty(), vm.editBodyProperty())) {
            p.addListener((obs, o, n) -> autosave.playFromStart());
        }
        vm.editStatusProperty().addListener((obs, o, n) -> autosave.playFromStart());

        Button save = new Button(texts.get("kb.save"));
        save.setId("kbSave");
        save.getStyleClass().add(Css.ACCENT);
        save.setOnAction(e -> {
            autosave.stop();
            vm.save();
        });
        save.disableProperty().bind(vm.articleProperty().isNull()
                .or(vm.stateProperty().isEqualTo(ArticleEditorViewModel.State.SAVING)));
        Label message = new Label();
        message.setId("kbMessage");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        message.styleProperty().bind(Bindings.when(vm.stateProperty().isEqualTo(ArticleEditorViewModel.State.ERROR))
                .then("-fx-text-fill: -color-danger-fg;").otherwise(""));
        Label draft = new Label();
        draft.setId("kbDraftStatus");
        draft.getStyleClass().addAll(Css.TEXT_MUTED, Css.TEXT_SMALL);
        draft.textProperty().bind(vm.draftStatusProperty());
        VBox messages = new VBox(2, message, draft);
        HBox.setHgrow(messages, Priority.ALWAYS);
        HBox actions = new HBox(10, messages, save);
        actions.setAlignment(Pos.CENTER_RIGHT);

        GridPane grid = Forms.grid();
        grid.addRow(0, new Label(texts.get("kb.title")), title, new Label(texts.get("kb.status")), status);
        grid.addRow(1, new Label(texts.get("kb.tags")), tags, new Label(texts.get("kb.language")), language);
        grid.addRow(2, new Label(texts.get("kb.intents")), intents);
        grid.addRow(3, new Label(texts.get("kb.translationOf")), translationOf, translation);
        GridPane.setColumnSpan(translation, 2);
        GridPane.setHgrow(title, Priority.ALWAYS);
        GridPane.setHgrow(tags, Priority.ALWAYS);
        VBox.setVgrow(bodyAndPreview, Priority.ALWAYS);
        // While a draft is offered the fields wait for the choice: typing now would bury the draft.
        VBox fields = new VBox(8, grid, bodyAndPreview, actions);
        fields.disableProperty().bind(vm.draftOfferProperty().isNotNull());
        VBox.setVgrow(fields, Priority.ALWAYS);
        VBox pane = new VBox(8, draftBanner(), fields);
        pane.setPadding(new Insets(10));
        pane.disableProperty().bind(vm.articleProperty().isNull());
        // The tab pane sets its contents' disable itself; bind on a node inside it.
        return new StackPane(pane);
    }

    private Node draftBanner() {
        Label text = new Label();
        text.setWrapText(true);
        text.textProperty().bind(Bindings.createStringBinding(() -> vm.draftOfferProperty().get() == null ? ""
                : texts.format("kb.draftOffer", java.util.Date.from(vm.draftOfferProperty().get().savedAt())), vm.draftOfferProperty()));
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        Button restore = new Button(texts.get("kb.draftRestore"));
        restore.setId("kbRestoreDraft");
        restore.getStyleClass().add(Css.ACCENT);
        restore.setOnAction(e -> vm.restoreDraft());
        Button discard = new Button(texts.get("kb.draftDiscard"));
        discard.setId("kbDiscardDraft");
        discard.setOnAction(e -> vm.discardDraft());
        HBox banner = new HBox(8, text, restore, discard);
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.getStyleClass().add(Css.DRAFT_BANNER);
        banner.setId("kbDraftBanner");
        banner.visibleProperty().bind(vm.draftOfferProperty().isNotNull());
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }
}
