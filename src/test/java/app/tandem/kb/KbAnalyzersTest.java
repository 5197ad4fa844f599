package app.tandem.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;

class KbAnalyzersTest {

    @Test
    void chineseSearchSkipsFunctionWordsButKeepsNegations() {
        try (Analyzer zh = KbAnalyzers.chinese()) {
            List<String> t = KbAnalyzers.terms(zh, "我的新卡为什么还没有寄到？");
            assertFalse(t.contains("的") || t.contains("我") || t.contains("为什么"), t.toString());
            assertTrue(t.contains("没有") || t.contains("没"), "a negation means something: " + t);
            assertTrue(t.contains("卡"), t.toString());
        }
    }

    @Test
    void termsOutsideKbAreTheSearchsOwn() {
        String question = "我的新卡为什么还没有寄到？";
        try (Analyzer zh = KbAnalyzers.chinese(); KbTerms terms = KbTerms.chinese()) {
            assertEquals(KbAnalyzers.terms(zh, question), terms.of(question));
        }
    }
}
