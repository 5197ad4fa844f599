package app.tandem.ui.kb;

import app.tandem.kb.gaps.DuplicatePair;
import app.tandem.kb.gaps.QuestionCluster;
import app.tandem.ui.common.Css;
import app.tandem.ui.common.EmptyStates;
import app.tandem.ui.common.Texts;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The Gaps tab: unanswered customer questions grouped by meaning, and near-duplicate articles. */
final class KbGapsView {

    private final KbGapsViewModel vm;
    private final Texts texts;
    private final Consumer<QuestionCluster> createArticle;
    private final Consumer<String> openArticle;

    KbGapsView(KbGapsViewModel vm, Texts texts, Consumer<QuestionCluster> createArticle, Consumer<String> openArticle) {
        this.vm = vm;
        this.texts = texts;
        this.createArticle = createArticle;
        this.openArticle = openArticle;
    }

    Node node() {
        Button findGaps = new Button(texts.get("kb.findGaps"));
        findGaps.setId("kbFindGaps");
        findGaps.setOnAction(e -> vm.findGaps());
        Button findDuplicates = new Button(texts.get("kb.findDuplicates"));
        findDuplicates.setId("kbFindDuplicates");
        findDuplicates.setOnAction(e -> vm.findDuplicates());
        findGaps.disableProperty().bind(vm.progress().runningProperty());
        findDuplicates.disableProperty().bind(vm.progress().runningProperty());
        HBox buttons = new HBox(8, findGaps, findDuplicates, KnowledgeBaseView.progressBar(vm.progress(), texts));
        buttons.setAlignment(Pos.CENTER_LEFT);

        Label gapNote = note(vm.gapNoteProperty().getValue());
        gapNote.textProperty().bind(vm.gapNoteProperty());
        ListView<QuestionCluster> clusters = new ListView<>(vm.clusters());
        clusters.setId("kbGaps");
        clusters.setPlaceholder(EmptyStates.label(texts.get("kb.gapsHint"), "kbGapsPlaceholder"));
        clusters.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(QuestionCluster c, boolean empty) {
                super.updateItem(c, empty);
                if (empty || c == null) {
                    setGraphic(null);
                    return;
                }
                Label title = new Label(c.suggestedTitle());
                title.getStyleClass().add(Css.TEXT_BOLD);
                title.setWrapText(true);
                Label count = new Label(texts.format("kb.gapCount", c.size(), c.language().toUpperCase(Locale.ROOT)));
                count.getStyleClass().addAll(Css.TEXT_SMALL, Css.USAGE);
                Label sample = new Label(String.join("\n", c.questions().stream().limit(3).map(q -> "\u2022 " + q.text()).toList()));
                sample.getStyleClass().addAll(Css.TEXT_MUTED, Css.TEXT_SMALL);
                sample.setWrapText(true);
                Button create = new Button(texts.get("kb.createFromGap"));
                create.getStyleClass().addAll(Css.SMALL, Css.ACCENT);
                create.setOnAction(e -> createArticle.accept(c));
                VBox text = new VBox(2, title, count, sample);
                HBox.setHgrow(text, Priority.ALWAYS);
                // Wrapped labels need a width to wrap at: the list's, less the button.
                text.prefWidthProperty().bind(getListView().widthProperty().subtract(190));
                text.setMinWidth(0);
                HBox row = new HBox(8, text, create);
                row.setAlignment(Pos.CENTER_LEFT);
                setGraphic(row);
            }
        });
        VBox.setVgrow(clusters, Priority.ALWAYS);

        Label duplicateNote = note("");
        duplicateNote.textProperty().bind(vm.duplicateNoteProperty());
        ListView<DuplicatePair> pairs = new ListView<>(vm.pairs());
        pairs.setId("kbDuplicates");
        pairs.setPlaceholder(EmptyStates.label(texts.get("kb.duplicatesHint"), "kbDuplicatesPlaceholder"));
        pairs.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(DuplicatePair p, boolean empty) {
                super.updateItem(p, empty);
                if (empty || p == null) {
                    setGraphic(null);
                    return;
                }
                Label score = new Label(String.format(Locale.ROOT, "%.2f", p.similarity()));
                score.getStyleClass().add(Css.USAGE);
                Hyperlink a = new Hyperlink(p.firstTitle());
                a.setOnAction(e -> openArticle.accept(p.firstId()));
                Hyperlink b = new Hyperlink(p.secondTitle());
                b.setOnAction(e -> openArticle.accept(p.secondId()));
                HBox row = new HBox(6, score, a, new Label("\u2194"), b);
                row.setAlignment(Pos.CENTER_LEFT);
                setGraphic(row);
            }
        });
        VBox.setVgrow(pairs, Priority.ALWAYS);
        SplitPane split = new SplitPane(new VBox(6, gapNote, clusters), new VBox(6, duplicateNote, pairs));
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.65);
        VBox.setVgrow(split, Priority.ALWAYS);
        VBox pane = new VBox(8, buttons, split);
        pane.setPadding(new Insets(10));
        return pane;
    }

    private static Label note(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().addAll(Css.TEXT_MUTED, Css.TEXT_SMALL);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

}
