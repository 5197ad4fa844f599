package app.tandem.ui.kb;

import app.tandem.kb.AlternateQuestion;
import app.tandem.ui.common.Css;
import app.tandem.ui.common.EmptyStates;
import app.tandem.ui.common.Texts;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The Questions tab: what customers asked that the open article answered, each with Remove. */
final class LearnedQuestionsView {

    private LearnedQuestionsView() {}

    static Node node(LearnedQuestionsViewModel vm, Texts texts) {
        ListView<AlternateQuestion> list = new ListView<>(vm.questions());
        list.setId("kbQuestions");
        list.setPlaceholder(EmptyStates.label(texts.get("kb.noQuestions"), "kbQuestionsPlaceholder"));
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(AlternateQuestion q, boolean isEmpty) {
                super.updateItem(q, isEmpty);
                if (isEmpty || q == null) {
                    setGraphic(null);
                    return;
                }
                Label text = new Label(q.text());
                text.setWrapText(true);
                HBox.setHgrow(text, Priority.ALWAYS);
                text.setMaxWidth(Double.MAX_VALUE);
                Button remove = new Button(texts.get("kb.removeQuestion"));
                remove.getStyleClass().addAll(Css.FLAT, Css.SMALL);
                remove.setOnAction(e -> vm.remove(q));
                setGraphic(new HBox(8, text, remove));
            }
        });
        Label hint = new Label(texts.get("kb.questionsHint"));
        hint.setWrapText(true);
        hint.getStyleClass().add(Css.TEXT_MUTED);
        Label message = new Label();
        message.setId("kbQuestionsMessage");
        message.setWrapText(true);
        message.getStyleClass().addAll(Css.TEXT_MUTED, Css.TEXT_SMALL);
        message.textProperty().bind(vm.messageProperty());
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox pane = new VBox(8, hint, list, message);
        pane.setPadding(new Insets(10));
        return pane;
    }
}
