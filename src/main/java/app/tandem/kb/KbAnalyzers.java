package app.tandem.kb;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.util.IOUtils;

/** The analysers of the knowledge-base fields: English (stemmed) and Chinese (smartcn segmentation). */
public final class KbAnalyzers {

    private KbAnalyzers() {}

    static Analyzer perField() {
        Map<String, Analyzer> perField = Map.of(
                KbFields.text("en"), english(), KbFields.about("en"), english(),
                KbFields.text("zh"), chinese(), KbFields.about("zh"), chinese());
        return new PerFieldAnalyzerWrapper(english(), perField);
    }

    /**
     * English with Snowball's stop list rather than Lucene's short default: customers write "I", "my",
     * "you", "could", which otherwise match every passage. Negations stay: "hasn't arrived" and
     * "not working" mean something.
     */
    private static Analyzer english() {
        try (Reader list = IOUtils.getDecodingReader(SnowballFilter.class, "english_stop.txt", StandardCharsets.UTF_8)) {
            CharArraySet stop = WordlistLoader.getSnowballWordSet(list);
            CharArraySet kept = new CharArraySet(stop.size(), true);
            for (Object word : stop) {
                String w = new String((char[]) word);
                if (!w.equals("no") && !w.equals("not") && !w.equals("nor") && !w.endsWith("n't") && !w.equals("cannot")) {
                    kept.add(w);
                }
            }
            return new EnglishAnalyzer(kept);
        } catch (IOException e) {
            throw new UncheckedIOException("Lucene's English stop list is missing from the class path", e);
        }
    }

    /**
     * Chinese: smartcn's segmentation with its punctuation list plus Tandem's list of function words
     * ({@code zh-stop.txt}): without it "的", "是", "了", "被" matched nearly every passage. Negations stay.
     * On 154 Chinese customer questions of our own ({@code eval retrieval --test
     * src/test/resources/eval/zh-customer-questions.csv}) keyword top-1 rose from 43.5 to 53.9 %.
     */
    static Analyzer chinese() {
        try (Reader list = IOUtils.getDecodingReader(KbAnalyzers.class, "zh-stop.txt", StandardCharsets.UTF_8)) {
            CharArraySet stop = new CharArraySet(SmartChineseAnalyzer.getDefaultStopSet(), false);
            stop.addAll(WordlistLoader.getWordSet(list, "#"));
            return new SmartChineseAnalyzer(stop);
        } catch (IOException e) {
            throw new UncheckedIOException("Tandem's Chinese stop list is missing from the class path", e);
        }
    }

    /** The terms {@code analyzer} makes of {@code text}, in order: what a search or a comparison sees of it. */
    static List<String> terms(Analyzer analyzer, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("t", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
