package app.tandem.assist;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AskingTest {

    @Test
    void followUpsAsk() {
        for (String turn : new String[] {"OK, so what should I do now?", "ok and then what", "Could you walk me through it",
                "好，然后呢？", "好的，那我现在该怎么办", "这对我有什么影响", "可以一步一步告诉我吗"}) {
            assertTrue(Asking.asks(turn), turn);
        }
    }

    @Test
    void smallTalkDoesNotAsk() {
        for (String turn : new String[] {"great, thank you, bye", "Thanks, that's all.", "hello", "好的，谢谢", "问题解决了！",
                "", "   "}) {
            assertFalse(Asking.asks(turn), turn);
        }
    }
}
