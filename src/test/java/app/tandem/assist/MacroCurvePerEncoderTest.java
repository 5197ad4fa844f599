package app.tandem.assist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.conversation.Author;
import app.tandem.conversation.Message;
import app.tandem.conversation.MessageOrigin;
import app.tandem.nlp.TextEncoder;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** A macro's confidence comes from the curve of the encoder that scored it, not from the English one. */
class MacroCurvePerEncoderTest {

    private static double confidenceOfFreezeMacro(String encoderId) {
        String asked = "我的卡怎么激活？"; // card activation: the freeze macro is not the answer
        MacroLibrary library = new MacroLibrary(new InMemoryMacros());
        library.save(new Macro(0, "zh", "挂失冻结银行卡", "已为您冻结银行卡。", List.of("帮我冻结银行卡"),
                List.of("lost_or_stolen_card"), Macro.Moment.ANY_TIME, true));
        TextEncoder encoder = new FixedCosineEncoder(encoderId, asked, 0.52);
        Vectors vectors = new Vectors(16);
        List<Message> turns = List.of(new Message(1, 1, 1, Author.CUSTOMER, asked, MessageOrigin.CUSTOMER,
                OptionalLong.empty(), Optional.empty(), Instant.EPOCH));
        ConversationContext context = ConversationContext.of(turns, "zh", Optional.of(encoder), vectors);
        MacroLibrary.Match match = library.match(context, Optional.of(encoder), vectors, 3, false).get(0);
        assertEquals(0.52, match.score(), 1e-3);
        return match.confidence();
    }

    @Test
    void chineseMacroAtAnEverydayCosineNoLongerOutranksTheRightArticle() {
        double zh = confidenceOfFreezeMacro("bge-small-zh-v1.5");
        assertEquals(Calibration.BGE_SMALL_ZH_V1_5.macro().apply(0.52), zh, 1e-6);
        // The right activation article scored 0.42 with the same encoder; with the borrowed English curve the
        // macro (0.52) came first, with the Chinese curves it comes after the article.
        double article = Calibration.forEncoder("bge-small-zh-v1.5").article().apply(0.42);
        assertTrue(zh < article, zh + " vs article " + article);
        assertTrue(Calibration.ALL_MINILM_L6_V2.article().apply(0.52) > Calibration.ALL_MINILM_L6_V2.article().apply(0.42));
    }

    @Test
    void englishEncoderAndUnfittedEncodersUseTheEnglishCurves() {
        assertEquals(Calibration.ALL_MINILM_L6_V2.macro().apply(0.52), confidenceOfFreezeMacro("all-minilm-l6-v2"), 1e-6);
        assertEquals(Calibration.ALL_MINILM_L6_V2, Calibration.forEncoder("bge-small-en-v1.5"));
        assertNotEquals(Calibration.forEncoder("all-minilm-l6-v2"), Calibration.forEncoder("bge-small-zh-v1.5"));
        assertEquals(Calibration.forEncoder("bge-small-zh-v1.5").article(), Calibration.forEncoder("bge-small-zh-v1.5").history(),
                "past replies borrow their encoder's article curve");
    }
}
