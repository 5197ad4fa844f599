package app.tandem.ui.common;

import javafx.geometry.Insets;
import javafx.scene.layout.GridPane;

/** The one look of a label-and-field form, shared by every screen's dialogs and editors. */
public final class Forms {

    private Forms() {
    }

    public static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.setPadding(new Insets(4));
        return grid;
    }
}
