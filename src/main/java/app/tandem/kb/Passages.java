package app.tandem.kb;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BulletList;
import org.commonmark.node.Heading;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * Cuts an article's Markdown body into passages of at most three sentences. A paragraph never
 * shares a passage with another block, and the items of one list are kept together three at a time,
 * so a passage reads as a whole answer when quoted.
 */
public final class Passages {

    static final int MAX_SENTENCES = 3;
    private static final Parser PARSER = Parser.builder().build();
    private static final TextContentRenderer TEXT = TextContentRenderer.builder().build();

    private Passages() {}

    public static List<Passage> of(Article article) {
        List<List<String>> blocks = new ArrayList<>();
        Locale locale = Locale.forLanguageTag(article.language());
        PARSER.parse(article.body()).accept(new AbstractVisitor() {
            @Override
            public void visit(Paragraph paragraph) {
                if (!(paragraph.getParent() instanceof ListItem)) {
                    blocks.add(sentences(plain(paragraph), locale));
                }
            }

            @Override
            public void visit(BulletList list) {
                blocks.add(items(list));
            }

            @Override
            public void visit(OrderedList list) {
                blocks.add(items(list));
            }

            @Override
            public void visit(Heading heading) {
                // Headings label sections; the article title already carries the topic.
            }
        });
        List<Passage> passages = new ArrayList<>();
        for (List<String> block : blocks) {
            for (int i = 0; i < block.size(); i += MAX_SENTENCES) {
                String text = String.join(" ", block.subList(i, Math.min(block.size(), i + MAX_SENTENCES))).strip();
                if (!text.isEmpty()) {
                    passages.add(new Passage(article.id(), passages.size(), text));
                }
            }
        }
        return passages;
    }

    /** The article as plain text, for previews and snippets. */
    public static String plainText(String markdown) {
        return TEXT.render(PARSER.parse(markdown)).strip();
    }

    private static List<String> items(Node list) {
        List<String> items = new ArrayList<>();
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            StringBuilder parts = new StringBuilder();
            for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
                parts.append(plain(child)).append(' ');
            }
            String text = parts.toString().strip();
            if (!text.isEmpty()) {
                items.add(text);
            }
        }
        return items;
    }

    private static String plain(Node node) {
        return TEXT.render(node).replaceAll("\\s+", " ").strip();
    }

    static List<String> sentences(String text, Locale locale) {
        BreakIterator it = BreakIterator.getSentenceInstance(locale);
        it.setText(text);
        List<String> sentences = new ArrayList<>();
        for (int start = it.first(), end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
            String s = text.substring(start, end).strip();
            if (!s.isEmpty()) {
                sentences.add(s);
            }
        }
        return sentences;
    }
}
