package app.tandem.ui.common;

import javafx.scene.control.Label;

/**
 * The sentence an empty list, chart or pane shows in its place: what will appear there and how to get
 * it. One look everywhere (muted, wrapped), so a person recognises "nothing here yet" at a glance.
 */
public final class EmptyStates {

    private EmptyStates() {}

    /** A placeholder saying {@code text}; bind its text instead when it depends on the state. */
    public static Label label(String text, String id) {
        Label label = new Label(text);
        label.setId(id);
        label.setWrapText(true);
        label.getStyleClass().add(Css.EMPTY_STATE);
        return label;
    }
}
