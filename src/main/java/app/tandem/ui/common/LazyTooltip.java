package app.tandem.ui.common;

import java.util.function.Supplier;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * A tooltip made the first time the pointer enters its node. A {@link Tooltip} is a popup window with
 * a scene of its own: building one for every chip, card and queue row on each customer turn cost the
 * FX thread for tooltips that are mostly never shown. Installed on entry, it shows on the moves that
 * follow, as an eager one would.
 */
public final class LazyTooltip {

    private LazyTooltip() {}

    /**
     * The text is asked for on every entry, so a node that shows different content over time (a reused
     * turn or card) gets the tooltip of what it shows now.
     */
    public static void install(Node node, Supplier<String> text) {
        node.addEventHandler(MouseEvent.MOUSE_ENTERED, new EventHandler<>() {
            private Tooltip tooltip;

            @Override
            public void handle(MouseEvent e) {
                if (tooltip != null) {
                    tooltip.setText(text.get());
                    return;
                }
                tooltip = new Tooltip(text.get());
                if (node instanceof Control control) {
                    control.setTooltip(tooltip);
                } else {
                    Tooltip.install(node, tooltip);
                }
            }
        });
    }
}
