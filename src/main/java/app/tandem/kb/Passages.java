package app.tandem.kb;

import java.text.BreakIterator;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
    /**
     * Trees up to this deep go to commonmark's recursive text renderer, which words lists and quotes as it
     * always has; deeper ones (only articles stored before the nesting limit) are walked with a stack.
     */
    private static final int RECURSIVE_RENDER_DEPTH = 2 * MarkdownLimits.MAX_DEPTH + 20;
    private static final Parser PARSER = Parser.builder().build();
    private static final TextContentRenderer TEXT = TextContentRenderer.builder().build();

    private Passages() {}

    public static List<Passage> of(Article article) {
        List<List<String>> blocks = new ArrayList<>();
        Locale locale = Locale.forLanguageTag(article.language());
        Optional<Node> document = MarkdownLimits.parse(PARSER, article.body());
        if (document.isEmpty()) {
            // Stored before the nesting limit existed (issue 16): indexed as plain text, one block per paragraph.
            for (String paragraph : MarkdownLimits.plainLines(article.body()).split("\\n\\s*\\n")) {
                blocks.add(sentences(paragraph.replaceAll("\\s+", " ").strip(), locale));
            }
        } else {
            collectBlocks(document.get(), blocks, locale);
        }
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

    /**
     * The blocks in document order, as a visitor would find them but with a stack of our own: nesting is
     * bounded at the door, yet an article stored before then must not overflow the index rebuild.
     * Paragraphs are blocks; a list is one block of its items (nested lists fold into their item); headings
     * label sections and the title already carries the topic, so they are left out.
     */
    private static void collectBlocks(Node document, List<List<String>> blocks, Locale locale) {
        Deque<Node> stack = new ArrayDeque<>();
        stack.push(document);
        while (!stack.isEmpty()) {
            Node node = stack.pop();
            if (node instanceof Paragraph paragraph) {
                if (!(paragraph.getParent() instanceof ListItem)) {
                    blocks.add(sentences(plain(paragraph), locale));
                }
            } else if (node instanceof BulletList || node instanceof OrderedList) {
                blocks.add(items(node));
            } else if (!(node instanceof Heading)) {
                for (Node child = node.getLastChild(); child != null; child = child.getPrevious()) {
                    stack.push(child);
                }
            }
        }
    }

    /** The article as plain text, for previews and snippets. */
    public static String plainText(String markdown) {
        return MarkdownLimits.parse(PARSER, markdown).map(Passages::render)
                .orElseGet(() -> MarkdownLimits.plainLines(markdown)).strip();
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
        return render(node).replaceAll("\\s+", " ").strip();
    }

    /** commonmark's text renderer recurses per level: used where the tree is shallow, else our own walk. */
    private static String render(Node node) {
        return MarkdownLimits.depth(node) <= RECURSIVE_RENDER_DEPTH ? TEXT.render(node) : MarkdownLimits.plainText(node);
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
