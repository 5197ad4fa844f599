package app.tandem.eval;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.assist.Macro;
import app.tandem.assist.SuggestionSource;
import app.tandem.kb.Article;
import app.tandem.kb.ArticleStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A suggestion is the right reply when its article or macro names the question's intent. */
class IntentAnswersTest {

    private final IntentAnswers answers = IntentAnswers.of(
            List.of(new Article("card-activate", "Activate your card", "en", ArticleStatus.PUBLISHED, List.of(),
                    List.of("activate_my_card"), Optional.empty(), "Open the app.", 1, Instant.EPOCH, "t")),
            List.of(new Macro(7, "zh", "补卡寄送", "新卡已寄出。", List.of("新卡还没收到"), List.of("card_arrival", "card_delivery_estimate"), Macro.Moment.ANY_TIME, true),
                    new Macro(8, "zh", "问候", "您好！", List.of("你好"), List.of(), Macro.Moment.OPENING, true)));

    @Test
    void macroIsRightForTheIntentsItNames() {
        assertTrue(answers.answers(SuggestionSource.MACRO, "macro:7", "card_arrival"));
        assertFalse(answers.answers(SuggestionSource.MACRO, "macro:7", "activate_my_card"), "not an intent it names");
        assertFalse(answers.answers(SuggestionSource.MACRO, "macro:8", "card_arrival"), "a greeting answers nothing");
        assertFalse(answers.answers(SuggestionSource.MACRO, "macro:99", "card_arrival"), "unknown macro");
    }

    @Test
    void articlesAsBeforeAndPastRepliesNever() {
        assertTrue(answers.answers(SuggestionSource.ARTICLE, "card-activate", "activate_my_card"));
        assertFalse(answers.answers(SuggestionSource.ARTICLE, "card-activate", "card_arrival"));
        assertFalse(answers.answers(SuggestionSource.HISTORY, "macro:7", "card_arrival"));
    }
}
