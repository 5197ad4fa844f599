package app.tandem.ui.common;

import app.tandem.kb.MarkdownLimits;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
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
        Optional<org.commonmark.node.Node> document = MarkdownLimits.parse(PARSER, markdown);
        if (document.isEmpty()) {
            // Nested too deep to parse safely (stored before the limit, or being typed in the editor): shown
            // as its text rather than overflowing the FX thread's stack (issue 16).
            box.getChildren().add(plain(MarkdownLimits.plainLines(markdown)));
            return box;
        }
        for (org.commonmark.node.Node block = document.get().getFirstChild(); block != null; block = block.getNext()) {
            Node node = block(block, 0, 0);
            if (node != null) {
                box.getChildren().add(node);
            }
        }
        return box;
    }

    /**
     * {@code depth} indents list items; {@code nesting} counts every container, and past
     * {@link MarkdownLimits#MAX_DEPTH} the rest is shown as its text: this recursion, and JavaFX's own over
     * the nodes it makes, stay bounded whatever the article.
     */
    private static Node block(org.commonmark.node.Node block, int depth, int nesting) {
        if (nesting > MarkdownLimits.MAX_DEPTH) {
            return plain(MarkdownLimits.plainText(block));
        }
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
                    Node n = block(child, depth + 1, nesting + 1);
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
                Node n = block(child, depth, nesting + 1);
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

    /** One inline node still to show, with the style classes of the emphasis and links around it. */
    private record Pending(org.commonmark.node.Node node, List<String> classes) {}

    /** The inline text of {@code parent}, in order, with a stack of our own: emphasis may nest deep. */
    private static void collect(org.commonmark.node.Node parent, List<String> classes, List<Text> out) {
        Deque<Pending> stack = new ArrayDeque<>();
        pushChildren(parent, classes, stack);
        while (!stack.isEmpty()) {
            Pending p = stack.pop();
            org.commonmark.node.Node n = p.node();
            if (n instanceof org.commonmark.node.Text t) {
                out.add(text(t.getLiteral(), p.classes()));
            } else if (n instanceof Code c) {
                out.add(text(c.getLiteral(), with(p.classes(), Css.MD_CODE)));
            } else if (n instanceof SoftLineBreak) {
                out.add(text(" ", p.classes()));
            } else if (n instanceof HardLineBreak) {
                out.add(text("\n", p.classes()));
            } else if (n instanceof StrongEmphasis) {
                pushChildren(n, with(p.classes(), Css.MD_STRONG), stack);
            } else if (n instanceof Emphasis) {
                pushChildren(n, with(p.classes(), Css.MD_EMPHASIS), stack);
            } else if (n instanceof Link) {
                pushChildren(n, with(p.classes(), Css.MD_LINK), stack);
            } else {
                pushChildren(n, p.classes(), stack);
            }
        }
    }

    /** Last child first, so the first child is shown first. */
    private static void pushChildren(org.commonmark.node.Node parent, List<String> classes, Deque<Pending> stack) {
        for (org.commonmark.node.Node n = parent.getLastChild(); n != null; n = n.getPrevious()) {
            stack.push(new Pending(n, classes));
        }
    }

    private static TextFlow plain(String text) {
        TextFlow flow = new TextFlow(text(text, List.of()));
        flow.setLineSpacing(2);
        return flow;
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
