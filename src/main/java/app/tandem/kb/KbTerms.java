package app.tandem.kb;

import java.util.List;
import org.apache.lucene.analysis.Analyzer;

/**
 * The terms the knowledge base's keyword search makes of a text, for code outside kb that compares texts
 * as the search does (eval's question matching) while Lucene stays in kb. Close it when done.
 */
public final class KbTerms implements AutoCloseable {

    private final Analyzer analyzer;

    private KbTerms(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** Chinese, as the {@code zh} fields are searched: smartcn segmentation less function words. */
    public static KbTerms chinese() {
        return new KbTerms(KbAnalyzers.chinese());
    }

    /** The terms of {@code text}, in order. */
    public List<String> of(String text) {
        return KbAnalyzers.terms(analyzer, text);
    }

    @Override
    public void close() {
        analyzer.close();
    }
}
