package app.tandem.kb;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

class KbAnalyzersTest {

    private static List<String> tokens(Analyzer analyzer, String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("f", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        }
        return out;
    }

    @Test
    void chineseSearchSkipsFunctionWordsButKeepsNegations() throws IOException {
        try (Analyzer zh = KbAnalyzers.chinese()) {
            List<String> t = tokens(zh, "我的新卡为什么还没有寄到？");
            assertFalse(t.contains("的") || t.contains("我") || t.contains("为什么"), t.toString());
            assertTrue(t.contains("没有") || t.contains("没"), "a negation means something: " + t);
            assertTrue(t.contains("卡"), t.toString());
        }
    }
}
