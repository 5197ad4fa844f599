package app.tandem.ml.bert;

import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.ml.TestEncoders;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Paraphrases must be closer than unrelated sentences, in each model's own language. */
class SemanticSanityTest {

    private static final List<String[]> ENGLISH = List.of(
            new String[] {"How do I reset my password?", "I forgot my login password, how can I change it?",
                "What time does the branch open on Saturday?"},
            new String[] {"My card was stolen.", "Someone took my credit card, please block it.",
                "Can I get a mortgage for a second home?"},
            new String[] {"How much is the fee for an international transfer?",
                "What does it cost to send money abroad?", "My app shows a blank screen."});

    private static final List<String[]> CHINESE = List.of(
            new String[] {"我的信用卡丢了", "信用卡不见了，请帮我挂失", "今天的汇率是多少"},
            new String[] {"怎么修改登录密码", "我想重置网银密码", "房贷可以提前还款吗"},
            new String[] {"转账多久到账", "汇款一般几天能到", "我要投诉你们的客服"});

    @ParameterizedTest
    @ValueSource(strings = {TestEncoders.MINILM, TestEncoders.BGE_EN})
    void englishParaphrasesAreCloserThanUnrelated(String modelId) {
        check(modelId, ENGLISH);
    }

    @ParameterizedTest
    @ValueSource(strings = {TestEncoders.BGE_ZH})
    void chineseParaphrasesAreCloserThanUnrelated(String modelId) {
        check(modelId, CHINESE);
    }

    private static void check(String modelId, List<String[]> triples) {
        BertSentenceEncoder encoder = TestEncoders.get(modelId);
        try (EncoderWorker worker = encoder.newWorker(32)) {
            for (String[] t : triples) {
                float[][] v = worker.encode(encoder.tokenize(List.of(t)));
                double paraphrase = TestEncoders.cosine(v[0], v[1]);
                double unrelated = TestEncoders.cosine(v[0], v[2]);
                assertTrue(paraphrase > unrelated + 0.05, modelId + ": '" + t[0] + "' ~ '" + t[1] + "' = "
                        + paraphrase + " should beat '" + t[2] + "' = " + unrelated);
            }
        }
    }
}
