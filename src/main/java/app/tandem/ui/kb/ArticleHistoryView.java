package app.tandem.ui.kb;

import app.tandem.kb.curation.ArticleVersion;
import app.tandem.ui.common.Converters;
import app.tandem.ui.common.Css;
import app.tandem.ui.common.EmptyStates;
import app.tandem.ui.common.Formats;
import app.tandem.ui.common.Texts;
import java.time.ZoneId;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The History tab: versions (author, time, status), a diff between any two, and restore. */
final class ArticleHistoryView {

    private final ArticleHistoryViewModel vm;
    private final Texts texts;
    private final ZoneId zone;

    ArticleHistoryView(ArticleHistoryViewModel vm, Texts texts, ZoneId zone) {
        this.vm = vm;
        this.texts = texts;
        this.zone = zone;
    }

    private String describe(ArticleVersion v) {
        return v == null ? "" : "v" + v.version() + " \u00b7 " + texts.get("status." + v.status().name()) + " \u00b7 "
                + v.author() + " \u00b7 " + Formats.dateTime(v.createdAt(), zone, texts);
    }

    Node node() {
        ListView<ArticleVersion> versions = new ListView<>(vm.versions());
        versions.setId("kbVersions");
        versions.setPlaceholder(EmptyStates.label(texts.get("kb.noVersions"), "kbVersionsPlaceholder"));
        versions.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(ArticleVersion v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : describe(v));
            }
        });
        versions.getSelectionModel().selectedItemProperty().addListener((obs, o, v) -> {
            if (v != null) {
                int i = vm.versions().indexOf(v);
                vm.fromProperty().set(i + 1 < vm.versions().size() ? vm.versions().get(i + 1) : v);
                vm.toProperty().set(v);
            }
        });
        ChoiceBox<ArticleVersion> from = new ChoiceBox<>(vm.versions());
        from.setId("kbDiffFrom");
        from.valueProperty().bindBidirectional(vm.fromProperty());
        from.setConverter(Converters.converter(v -> "v" + v.version() + " (" + v.author() + ")"));
        ChoiceBox<ArticleVersion> to = new ChoiceBox<>(vm.versions());
        to.setId("kbDiffTo");
        to.valueProperty().bindBidirectional(vm.toProperty());
        to.setConverter(Converters.converter(v -> "v" + v.version() + " (" + v.author() + ")"));
        Button restore = new Button(texts.get("kb.restore"));
        restore.setId("kbRestore");
        restore.disableProperty().bind(versions.getSelectionModel().selectedIndexProperty().lessThan(1));
        restore.setOnAction(e -> vm.restore(versions.getSelectionModel().getSelectedItem()));
        Label message = new Label();
        message.textProperty().bind(vm.messageProperty());
        message.getStyleClass().add(Css.TEXT_MUTED);
        HBox compare = new HBox(8, new Label(texts.get("kb.compare")), from, new Label("\u2192"), to, restore, message);
        compare.setAlignment(Pos.CENTER_LEFT);
        ListView<app.tandem.kb.curation.DiffLine> diff = DiffCells.list(vm.diff(), "kbDiff");
        // One version has nothing to compare with: say what the history will offer once there are more.
        Label noDiff = EmptyStates.label("", "kbDiffPlaceholder");
        noDiff.textProperty().bind(Bindings.when(Bindings.size(vm.versions()).isEqualTo(1))
                .then(texts.get("kb.oneVersion")).otherwise(texts.get("kb.noDifference")));
        diff.setPlaceholder(noDiff);
        VBox.setVgrow(diff, Priority.ALWAYS);
        SplitPane split = new SplitPane(versions, new VBox(8, compare, diff));
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.3);
        VBox pane = new VBox(8, new Label(texts.get("kb.historyHint")), split);
        VBox.setVgrow(split, Priority.ALWAYS);
        pane.setPadding(new Insets(10));
        return pane;
    }
}
