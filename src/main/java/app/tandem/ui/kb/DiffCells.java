package app.tandem.ui.kb;

import app.tandem.kb.curation.DiffLine;
import app.tandem.ui.common.Css;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;

/** A line diff as a list: added lines green with "+", removed lines red with "−". */
final class DiffCells {

    private DiffCells() {}

    static ListView<DiffLine> list(javafx.collections.ObservableList<DiffLine> lines, String id) {
        ListView<DiffLine> list = new ListView<>(lines);
        list.setId(id);
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(DiffLine line, boolean empty) {
                super.updateItem(line, empty);
                getStyleClass().removeAll(Css.DIFF_ADDED, Css.DIFF_REMOVED, Css.DIFF_LINE);
                if (empty || line == null) {
                    setText(null);
                    return;
                }
                getStyleClass().add(Css.DIFF_LINE);
                switch (line.kind()) {
                    case ADDED -> {
                        getStyleClass().add(Css.DIFF_ADDED);
                        setText("+ " + line.text());
                    }
                    case REMOVED -> {
                        getStyleClass().add(Css.DIFF_REMOVED);
                        setText("\u2212 " + line.text());
                    }
                    default -> setText("  " + line.text());
                }
            }
        });
        return list;
    }
}
