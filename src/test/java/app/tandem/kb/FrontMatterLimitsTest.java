package app.tandem.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 16's probe of the front matter: thousands of keys, a 1 MB value, deep lists and a long "|" block were read
 * (the block in seconds), and values longer than their columns failed only when the import was written. Each is
 * now refused while the file is read, naming the article and the line; at the limit it reads.
 */
class FrontMatterLimitsTest {

    private static final String HEAD = "---\nid: hours-en\ntitle: Opening hours\nlanguage: en\n";

    @Test
    void frontMatterOfFiveHundredLinesReadsAndOneMoreIsRefused() {
        String keys = "extra-key: value\n".repeat(ArticleFile.MAX_FRONT_MATTER_LINES - 3);
        assertEquals("hours-en", parse(HEAD + keys + "---\nBody.\n").id());
        ArticleFormatException e = refused(HEAD + keys + "one-more: value\n---\nBody.\n");
        assertEquals(ArticleProblem.of(ArticleProblem.Kind.FRONT_MATTER_TOO_LONG, 500, 64), e.problem());
        assertEquals("the front matter is longer than 500 lines or 64 KB, the most it may be", e.getMessage());
    }

    @Test
    void frontMatterOf64KbReadsAndOneCharacterMoreIsRefused() {
        // HEAD without its opening line and final line break is what the front matter holds.
        int room = ArticleFile.MAX_FRONT_MATTER_CHARS - (HEAD.length() - 4) - "long: ".length();
        assertEquals("hours-en", parse(HEAD + "long: " + "x".repeat(room) + "\n---\nBody.\n").id());
        assertEquals(ArticleProblem.Kind.FRONT_MATTER_TOO_LONG, refused(HEAD + "long: " + "x".repeat(room + 1) + "\n---\nBody.\n")
                .problem().kind());
    }

    @Test
    void aLongBlockValueIsRefusedQuickly() {
        long start = System.nanoTime();
        refused(HEAD + "tags: |\n" + "  line\n".repeat(100_000) + "---\nBody.\n");
        assertTrue((System.nanoTime() - start) / 1_000_000 < 1_000, "was 3.2 s before the limit");
    }

    @Test
    void eachValueIsHeldToItsColumnWithTheArticleAndTheLine() {
        assertEquals(512, parse(titled("t".repeat(512))).title().length());
        ArticleFormatException title = refused(titled("t".repeat(513)));
        assertEquals(ArticleProblem.of(ArticleProblem.Kind.VALUE_TOO_LONG, "hours-en", "title", 3, 513, 512), title.problem());
        assertEquals("the article \"hours-en\" has 513 characters in its title (line 3); the limit is 512", title.getMessage());

        // 99 tags of 9 characters and the line breaks that join them to a 100th: 1,000 with a 100th of 10, 1,001 of 11.
        String tags = "tags:\n" + "  - tag-xxxxx\n".repeat(99);
        assertEquals(100, parse(HEAD + tags + "  - tag-xxxxxx\n---\nBody.\n").tags().size());
        assertEquals(ArticleProblem.of(ArticleProblem.Kind.VALUE_TOO_LONG, "hours-en", "tags", 5, 1_001, 1_000),
                refused(HEAD + tags + "  - tag-xxxxxxx\n---\nBody.\n").problem());

        // 100 intents of 19 characters and 99 line breaks: 1,999; one more of 1 character and its break: 2,001.
        String intents = "intents:\n" + ("  - " + "i".repeat(19) + "\n").repeat(100);
        assertEquals(100, parse(HEAD + intents + "---\nBody.\n").intents().size());
        assertEquals(ArticleProblem.of(ArticleProblem.Kind.VALUE_TOO_LONG, "hours-en", "intents", 5, 2_001, 2_000),
                refused(HEAD + intents + "  - i\n---\nBody.\n").problem());

        assertEquals("h".repeat(128), parse(HEAD + "translation-of: " + "h".repeat(128) + "\n---\nBody.\n").translationOf().get());
        assertEquals(ArticleProblem.of(ArticleProblem.Kind.VALUE_TOO_LONG, "hours-en", "translation-of", 5, 129, 128),
                refused(HEAD + "translation-of: " + "h".repeat(129) + "\n---\nBody.\n").problem());
    }

    @Test
    void oddButHarmlessFrontMatterStillReads() {
        String plain = HEAD + "tags:\n  - branch\n---\nBody.\n";
        for (String text : List.of("\uFEFF" + plain, plain.replace("\n", "\r\n"), plain.replace("\n", "\r"))) {
            Article a = parse(text);
            assertEquals(List.of("branch"), a.tags());
            assertEquals("Body.", a.body());
        }
        assertEquals(ArticleProblem.Kind.NO_FRONT_MATTER, refused(HEAD + "tags:\n  - branch\nBody.\n").problem().kind(),
                "front matter without its closing line");
        assertEquals(ArticleProblem.Kind.BINARY_MARKDOWN, refused(HEAD.replace("Opening", "Open\0ing") + "---\nBody.\n")
                .problem().kind());
    }

    private static String titled(String title) {
        return "---\nid: hours-en\ntitle: " + title + "\nlanguage: en\n---\nBody.\n";
    }

    private static Article parse(String text) {
        return ArticleFile.parse(text, ArticleStatus.DRAFT, Instant.EPOCH, "sue");
    }

    private static ArticleFormatException refused(String text) {
        return assertThrows(ArticleFormatException.class, () -> parse(text));
    }
}
