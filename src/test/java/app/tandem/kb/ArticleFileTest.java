package app.tandem.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ArticleFileTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    @Test
    void readsFrontMatterAndBody() {
        Article a = ArticleFile.parse("""
                ---
                id: card-arrival-zh
                title: 新卡什么时候到？
                language: zh
                tags:
                  - cards
                intents:
                  - card_arrival
                  - "reverted_card_payment?"
                translation-of: card-arrival-en
                ---
                大多数卡片在 **3–5 个工作日** 内送达。
                """, ArticleStatus.PUBLISHED, NOW, "seed");
        assertEquals("card-arrival-zh", a.id());
        assertEquals("新卡什么时候到？", a.title());
        assertEquals(List.of("card_arrival", "reverted_card_payment?"), a.intents());
        assertEquals(Optional.of("card-arrival-en"), a.translationOf());
        assertTrue(a.body().startsWith("大多数卡片"));
    }

    @Test
    void formatRoundTrips() {
        Article a = new Article("fees-en", "Fees: what we charge", "en", ArticleStatus.DRAFT, List.of("fees"),
                List.of("exchange_charge"), Optional.empty(), "We charge **nothing** for this.", 1, NOW, "ann");
        Article back = ArticleFile.parse(ArticleFile.format(a), ArticleStatus.DRAFT, NOW, "ann");
        assertEquals(a.title(), back.title());
        assertEquals(a.tags(), back.tags());
        assertEquals(a.intents(), back.intents());
        assertEquals(a.body(), back.body());
    }

    @Test
    void oldMacLineEndsReadAsLineEnds() {
        // A lone CR inside a quoted value made commonmark's YAML front matter throw (the fuzz run, article-file 252).
        Article a = ArticleFile.parse("---\rid: fees-en\rtitle: \"Fees\rand charges\"\rlanguage: en\r---\rWe charge nothing.\r",
                ArticleStatus.DRAFT, NOW, "ann");
        assertEquals("fees-en", a.id());
        assertEquals("We charge nothing.", a.body().strip());
    }

    @Test
    void aValueThatIsALoneQuoteIsRefusedInASentence() {
        // commonmark threw StringIndexOutOfBoundsException on it (the fuzz run, article-file 252).
        ArticleFormatException e = assertThrows(ArticleFormatException.class,
                () -> parse("---\nid: fees-en\ntitle: \"\n ? more\"\nlanguage: en\n---\nBody"));
        assertEquals(ArticleProblem.Kind.UNREADABLE_FRONT_MATTER, e.problem().kind());
    }

    @Test
    void aRefusalQuotesAtMostAShortPieceOfTheInput() {
        String id = "\u202e" + "X".repeat(1_000_000);
        ArticleFormatException e = assertThrows(ArticleFormatException.class,
                () -> parse("---\nid: " + id + "\ntitle: T\nlanguage: en\n---\nBody"));
        assertTrue(e.getMessage().length() < 200, e.getMessage().length() + " characters");
        assertTrue(e.getMessage().indexOf('\u202e') < 0, "no right-to-left override in the sentence");
    }

    @Test
    void explainsWhatIsWrong() {
        assertEquals("no front matter: the file must start with a line '---'",
                assertThrows(ArticleFormatException.class, () -> parse("Just text")).getMessage());
        assertTrue(assertThrows(ArticleFormatException.class, () -> parse("---\nid: x-en\nlanguage: en\n---\nBody"))
                .getMessage().contains("\"title\""));
        assertTrue(assertThrows(ArticleFormatException.class, () -> parse("---\nid: x-fr\ntitle: T\nlanguage: fr\n---\nBody"))
                .getMessage().contains("fr"));
        assertTrue(assertThrows(ArticleFormatException.class, () -> parse("---\nid: Bad Id\ntitle: T\nlanguage: en\n---\nB"))
                .getMessage().contains("lower-case"));
        assertTrue(assertThrows(ArticleFormatException.class, () -> parse("---\nid: x\u0000\n---\n"))
                .getMessage().contains("binary"));
    }

    @Test
    void theReasonIsDataForTheDeskToWord() {
        ArticleFormatException language = assertThrows(ArticleFormatException.class,
                () -> parse("---\nid: x-fr\ntitle: T\nlanguage: fr\n---\nBody"));
        assertEquals(ArticleProblem.of(ArticleProblem.Kind.BAD_LANGUAGE, "fr", "[en, zh]"), language.problem());
        assertEquals("language \"fr\" is not one of [en, zh]", language.getMessage(), "the languages in a fixed order");
        assertEquals(ArticleProblem.of(ArticleProblem.Kind.MISSING_KEY, "title"),
                assertThrows(ArticleFormatException.class, () -> parse("---\nid: x-en\nlanguage: en\n---\nBody")).problem());
        assertEquals(ArticleProblem.Kind.NO_BODY,
                assertThrows(ArticleFormatException.class, () -> parse("---\nid: x-en\ntitle: T\nlanguage: en\n---\n")).problem().kind());
    }

    private static Article parse(String text) {
        return ArticleFile.parse(text, ArticleStatus.PUBLISHED, NOW, "test");
    }
}
