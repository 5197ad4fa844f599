package app.tandem.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How a turn that carried an image reads as text: typed words first, then the read text, marked. */
class TurnTextTest {

    @Test
    void theReadTextFollowsWhatWasTypedMarkedAsRead() {
        assertEquals("Why?\n[read from the image] Card ending 4821 declined",
                TurnText.compose(" Why? ", ReadFrom.IMAGE, Optional.of(new ReadText("Card ending 4821 declined\n", 90)), 100));
        assertEquals("[read from the image] Card ending 4821",
                TurnText.compose("", ReadFrom.IMAGE, Optional.of(new ReadText("Card ending 4821", 90)), 100));
    }

    @Test
    void withNothingReadTheTurnIsWhatWasTyped() {
        assertEquals("Why?", TurnText.compose("Why?", ReadFrom.IMAGE, Optional.empty(), 100));
        assertEquals("Why?", TurnText.compose("Why?", ReadFrom.IMAGE, Optional.of(new ReadText("  ", 0)), 100));
    }

    @Test
    void aLongReadingIsCutToTheLimitNeverMidCharacter() {
        String marked = "Hi\n[read from the image] ";
        String read = "\uD83D\uDCB3".repeat(10); // a card emoji: two chars each

        String turn = TurnText.compose("Hi", ReadFrom.IMAGE, Optional.of(new ReadText(read, 50)), marked.length() + 5);

        assertEquals(marked + "\uD83D\uDCB3\uD83D\uDCB3", turn);
    }
}
