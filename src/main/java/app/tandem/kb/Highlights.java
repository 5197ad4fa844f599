package app.tandem.kb;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;

/** Marks the words of a passage that matched the query, with Lucene's unified highlighter. */
final class Highlights {

    private final UnifiedHighlighter highlighter;

    Highlights(Analyzer analyzer) {
        this.highlighter = UnifiedHighlighter.builderWithoutSearcher(analyzer)
                .withBreakIterator(WholeBreakIterator::new)
                .withFormatter(new SnippetFormatter())
                .withMaxLength(Integer.MAX_VALUE - 1)
                .build();
    }

    Snippet of(String field, Query query, String text) {
        try {
            Object formatted = highlighter.highlightWithoutSearcher(field, query, text, 1);
            return formatted instanceof Snippet snippet ? snippet : Snippet.plain(text);
        } catch (java.io.IOException e) {
            return Snippet.plain(text);
        }
    }

    private static final class SnippetFormatter extends PassageFormatter {
        @Override
        public Object format(org.apache.lucene.search.uhighlight.Passage[] passages, String content) {
            List<Snippet.Run> runs = new ArrayList<>();
            int pos = 0;
            for (org.apache.lucene.search.uhighlight.Passage p : passages) {
                for (int i = 0; i < p.getNumMatches(); i++) {
                    int start = p.getMatchStarts()[i];
                    int end = p.getMatchEnds()[i];
                    if (start < pos) {
                        continue;
                    }
                    if (start > pos) {
                        runs.add(new Snippet.Run(content.substring(pos, start), false));
                    }
                    runs.add(new Snippet.Run(content.substring(start, end), true));
                    pos = end;
                }
            }
            if (pos < content.length()) {
                runs.add(new Snippet.Run(content.substring(pos), false));
            }
            return new Snippet(runs);
        }
    }
}
