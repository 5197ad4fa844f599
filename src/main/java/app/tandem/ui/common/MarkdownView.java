package app.tandem.ui.common;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

/**
 * Renders an article's CommonMark body as JavaFX nodes (headings, paragraphs, lists, emphasis,
 * code, links as text): no WebView, so it themes with the rest of the desk and stays light.
 */
public final class MarkdownView {

    private static final Parser PARSER = Parser.builder().build();

    private MarkdownView() {}

    public static VBox render(String markdown) {
        VBox box = new VBox(8);
        box.getStyleClass().add(Css.MARKDOWN);
        box.setPadding(new Insets(4, 8, 8, 4));
        org.commonmark.node.Node document = PARSER.parse(markdown == null ? "" : markdown);
        for (org.commonmark.node.Node block = document.getFirstChild(); block != null; block = block.getNext()) {
            Node node = block(block, 0);
            if (node != null) {
                box.getChildren().add(node);
            }
        }
        return box;
    }

    private static Node block(org.commonmark.node.Node block, int depth) {
        if (block instanceof Heading h) {
            TextFlow flow = inline(h, List.of(Css.MD_HEADING));
            flow.getStyleClass().add(h.getLevel() <= 1 ? Css.TITLE_3 : Css.TITLE_4);
            flow.setPadding(new Insets(6, 0, 0, 0));
            return flow;
        }
        if (block instanceof Paragraph p) {
            return inline(p, List.of());
        }
        if (block instanceof BulletList || block instanceof OrderedList) {
            VBox list = new VBox(4);
            int number = block instanceof OrderedList o ? o.getMarkerStartNumber() : 0;
            for (org.commonmark.node.Node item = block.getFirstChild(); item != null; item = item.getNext()) {
                if (!(item instanceof ListItem)) {
                    continue;
                }
                Label marker = new Label(block instanceof OrderedList ? (number++) + "." : "\u2022");
                marker.setMinWidth(22);
                VBox content = new VBox(4);
                for (org.commonmark.node.Node child = item.getFirstChild(); child != null; child = child.getNext()) {
                    Node n = block(child, depth + 1);
                    if (n != null) {
                        content.getChildren().add(n);
                    }
                }
                HBox.setHgrow(content, Priority.ALWAYS);
                HBox row = new HBox(4, marker, content);
                row.setPadding(new Insets(0, 0, 0, depth * 16));
                list.getChildren().add(row);
            }
            return list;
        }
        if (block instanceof FencedCodeBlock f) {
            return code(f.getLiteral());
        }
        if (block instanceof IndentedCodeBlock i) {
            return code(i.getLiteral());
        }
        if (block instanceof BlockQuote q) {
            VBox quote = new VBox(4);
            quote.getStyleClass().add(Css.BG_SUBTLE);
            quote.setPadding(new Insets(4, 8, 4, 12));
            for (org.commonmark.node.Node child = q.getFirstChild(); child != null; child = child.getNext()) {
                Node n = block(child, depth);
                if (n != null) {
                    quote.getChildren().add(n);
                }
            }
            return quote;
        }
        if (block instanceof ThematicBreak) {
            return new Separator();
        }
        return null;
    }

    private static Node code(String literal) {
        Label code = new Label(literal.stripTrailing());
        code.getStyleClass().add(Css.MD_CODE);
        code.setWrapText(true);
        return code;
    }

    private static TextFlow inline(org.commonmark.node.Node parent, List<String> classes) {
        List<Text> texts = new ArrayList<>();
        collect(parent, new ArrayList<>(classes), texts);
        TextFlow flow = new TextFlow(texts.toArray(Text[]::new));
        flow.setLineSpacing(2);
        return flow;
    }

    private static void collect(org.commonmark.node.Node parent, List<String> classes, List<Text> out) {
        for (org.commonmark.node.Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof org.commonmark.node.Text t) {
                out.add(text(t.getLiteral(), classes));
            } else if (n instanceof Code c) {
                out.add(text(c.getLiteral(), with(classes, Css.MD_CODE)));
            } else if (n instanceof SoftLineBreak) {
                out.add(text(" ", classes));
            } else if (n instanceof HardLineBreak) {
                out.add(text("\n", classes));
            } else if (n instanceof StrongEmphasis) {
                collect(n, with(classes, Css.MD_STRONG), out);
            } else if (n instanceof Emphasis) {
                collect(n, with(classes, Css.MD_EMPHASIS), out);
            } else if (n instanceof Link) {
                collect(n, with(classes, Css.MD_LINK), out);
            } else {
                collect(n, classes, out);
            }
        }
    }

    private static List<String> with(List<String> classes, String extra) {
        List<String> copy = new ArrayList<>(classes);
        copy.add(extra);
        return copy;
    }

    private static Text text(String s, List<String> classes) {
        Text t = new Text(s);
        t.getStyleClass().add(Css.MD_TEXT);
        t.getStyleClass().addAll(classes);
        return t;
    }
}
