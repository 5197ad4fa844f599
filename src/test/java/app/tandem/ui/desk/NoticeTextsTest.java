package app.tandem.ui.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import app.tandem.assist.SuggestionNotice;
import app.tandem.ui.common.Texts;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Every notice the desk can show has words in English and Chinese, and the words on screen stayed the same. */
class NoticeTextsTest {

    private static Notice sample(Notice.Kind kind) {
        return switch (kind) {
            case TOO_LONG -> Notice.of(kind, 10_001, 10_000);
            case FILL_IN -> Notice.of(kind, "\u27e8card last 4\u27e9", "\u27e8amount\u27e9");
            case SUGGESTIONS_FAILED, BACKGROUND_FAILED, SEND_FAILED -> Notice.failed(kind, new IllegalStateException("disk full"));
            default -> Notice.of(kind);
        };
    }

    @Test
    void everyKindIsWordedInBothLanguages() {
        for (Locale language : new Locale[] {Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE}) {
            NoticeTexts words = new NoticeTexts(Texts.of(language));
            for (Notice.Kind kind : Notice.Kind.values()) {
                String said = words.words(sample(kind));
                if (kind == Notice.Kind.NONE) {
                    assertEquals("", said);
                } else {
                    assertFalse(said.isBlank(), kind + " in " + language);
                    assertFalse(said.startsWith("assist.") || said.startsWith("compose.") || said.startsWith("error."),
                            kind + " in " + language + " has no key: " + said);
                }
            }
        }
    }

    @Test
    void theWordsAreTheOnesTheDeskAlwaysShowed() {
        NoticeTexts english = new NoticeTexts(Texts.of(Locale.ENGLISH));
        // The sentences the assist service used to hand the desk in English, before it handed data.
        assertEquals("No confident suggestion: search the knowledge base or escalate.",
                english.words(Notice.fromAssist(SuggestionNotice.ABSTAIN)));
        assertEquals("No matching article: search the knowledge base or escalate.",
                english.words(Notice.fromAssist(SuggestionNotice.NO_MATCH)));
        assertEquals("The knowledge base is empty: a supervisor can write or import articles in the Knowledge base tab.",
                english.words(Notice.fromAssist(SuggestionNotice.EMPTY_KB)));
        assertEquals("Waiting for the customer.", english.words(Notice.fromAssist(SuggestionNotice.WAITING)));
        assertEquals("Suggestions are not available: disk full", english.words(sample(Notice.Kind.SUGGESTIONS_FAILED)));
        assertEquals("Could not finish: disk full", english.words(sample(Notice.Kind.BACKGROUND_FAILED)));
        assertEquals("This message has 10,001 characters; the limit is 10,000. Split it into shorter messages \u2014 your text is "
                + "still in the box.", english.words(sample(Notice.Kind.TOO_LONG)));
        assertEquals("Fill in \u27e8card last 4\u27e9, \u27e8amount\u27e9 before sending: the reply still has a value missing. "
                + "Your text stays in the box.", english.words(sample(Notice.Kind.FILL_IN)));

        NoticeTexts chinese = new NoticeTexts(Texts.of(Locale.SIMPLIFIED_CHINESE));
        assertNotEquals(english.words(Notice.fromAssist(SuggestionNotice.ABSTAIN)), chinese.words(Notice.fromAssist(SuggestionNotice.ABSTAIN)));
    }
}
