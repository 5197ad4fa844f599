package app.tandem.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TextSanitizerTest {

    @Test
    void cleanTextIsReturnedAsIs() {
        String text = "Card 🙂 卡\tok\n";
        assertSame(text, TextSanitizer.clean(text));
    }

    @Test
    void loneSurrogatesAndControlCharactersAreReplaced() {
        assertEquals("a\uFFFDb\uFFFD c", TextSanitizer.clean("a\uD83Db\uDE00\u0000c"));
        assertEquals("x\uFFFD", TextSanitizer.clean("x\uD83D"));
    }

    @Test
    void nullIsAnIllegalArgument() {
        assertThrows(IllegalArgumentException.class, () -> TextSanitizer.clean(null));
    }
}
