package app.tandem.ui.kb;

import app.tandem.kb.Article;
import app.tandem.ui.common.Css;
import app.tandem.ui.common.Formats;
import app.tandem.ui.common.MarkdownView;
import app.tandem.ui.common.Texts;
import java.time.ZoneId;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/** An article rendered for reading: in the KB tab, and in its own window from the desk's side panel. */
public final class ArticleReader {

    private ArticleReader() {}

    static VBox content(Article a, Texts texts, ZoneId zone) {
        Label title = new Label(a.title());
        title.getStyleClass().add(Css.TITLE_3);
        title.setWrapText(true);
        Label meta = new Label(a.language().toUpperCase(Locale.ROOT) + " \u00b7 " + texts.get("status." + a.status().name())
                + " \u00b7 v" + a.version() + " \u00b7 " + texts.format("kb.updated", Formats.dateTime(a.updatedAt(), zone, texts), a.updatedBy())
                + (a.tags().isEmpty() ? "" : " \u00b7 " + String.join(", ", a.tags())));
        meta.getStyleClass().addAll(Css.TEXT_MUTED, Css.TEXT_SMALL);
        meta.setWrapText(true);
        VBox box = new VBox(8, title, meta, MarkdownView.render(a.body()));
        box.setPadding(new Insets(16));
        return box;
    }

    /** Opens {@code a} in a window of its own beside the desk. */
    public static void show(Article a, Window owner, Texts texts, ZoneId zone, Scene themedFrom) {
        ScrollPane scroll = new ScrollPane(content(a, texts, zone));
        scroll.setFitToWidth(true);
        scroll.setId("articleReader");
        Scene scene = new Scene(scroll, 640, 720);
        scene.getStylesheets().setAll(themedFrom.getStylesheets());
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle(a.title());
        stage.setScene(scene);
        stage.show();
    }
}
