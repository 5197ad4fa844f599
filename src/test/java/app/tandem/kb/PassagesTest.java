package app.tandem.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PassagesTest {

    @Test
    void paragraphsAndListsBecomePassagesOfAtMostThreeSentences() {
        Article a = new Article("x-en", "T", "en", ArticleStatus.PUBLISHED, List.of(), List.of(), Optional.empty(), """
                One. Two. Three. Four.

                ## Steps
                1. Open the app.
                2. Tap **Cards**.
                3. Tap Freeze.
                4. Call us.
                """, 1, Instant.EPOCH, "t");
        List<String> texts = Passages.of(a).stream().map(Passage::text).toList();
        assertEquals(List.of("One. Two. Three.", "Four.", "Open the app. Tap Cards. Tap Freeze.", "Call us."), texts);
    }

    @Test
    void chineseSentencesSplitOnChinesePunctuation() {
        assertEquals(List.of("请冻结卡片。", "然后致电我们！", "好吗？"),
                Passages.sentences("请冻结卡片。然后致电我们！好吗？", java.util.Locale.CHINESE));
    }
}
