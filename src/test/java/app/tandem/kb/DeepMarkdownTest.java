package app.tandem.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: a small article of nested block quotes, list markers or emphasis overflowed the stack of every
 * walker over its Markdown. It is refused at the door, and one stored before still cuts into passages.
 */
class DeepMarkdownTest {

    /** The three probes of the issue, each about 20 KB: block quotes, list markers, emphasis. */
    static final List<String> DEEP_BODIES = List.of(
            ">".repeat(20_000) + " deepword text",
            "- ".repeat(5_000) + "deepword text",
            "*".repeat(20_000) + "deepword text" + "*".repeat(20_000));

    static Article article(String id, String body) {
        return new Article(id, "Deep", "en", ArticleStatus.PUBLISHED, List.of(), List.of(), Optional.empty(), body, 1,
                Instant.EPOCH, "old-version");
    }

    @Test
    void passagesOfADeepArticleAreItsTextNotAStackOverflow() {
        for (String body : DEEP_BODIES) {
            List<Passage> passages = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> Passages.of(article("deep-en", body)));
            assertFalse(passages.isEmpty(), body.substring(0, 10));
            assertTrue(passages.stream().anyMatch(p -> p.text().contains("deepword text")), passages.toString());
            assertTrue(Passages.plainText(body).contains("deepword text"));
        }
    }

    @Test
    void nestedListLinesIndentedOneLevelMoreEachAreCutToo() {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            body.append("  ".repeat(i)).append("- level ").append(i).append('\n');
        }
        List<Passage> passages = assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> Passages.of(article("deep-en", body.toString())));
        assertTrue(passages.stream().anyMatch(p -> p.text().contains("level 399")), passages.toString());
    }

    @Test
    void aDeepArticleFileIsRefusedNamingTheArticleAndTheLine() {
        for (String body : DEEP_BODIES) {
            String file = "---\nid: deep-en\ntitle: Deep\nlanguage: en\n---\nFirst line.\n\n" + body + "\n";
            ArticleFormatException e = assertThrows(ArticleFormatException.class,
                    () -> ArticleFile.parse(file, ArticleStatus.DRAFT, Instant.EPOCH, "t"));
            assertEquals(ArticleProblem.Kind.TOO_DEEP, e.problem().kind());
            assertEquals(List.of("deep-en", "3", String.valueOf(MarkdownLimits.MAX_DEPTH)), e.problem().args());
            assertEquals("the article \"deep-en\" nests block quotes, lists, emphasis or links more than 100 deep"
                    + " on line 3 of its body", e.getMessage());
        }
    }

    @Test
    void ordinaryNestingIsWellWithinTheLimit() {
        String body = """
                > A quote with **bold** and *emphasis* and a [link](https://example.com).
                > > A nested quote.

                1. One
                   - Sub item with `*code*`
                     - Sub sub item
                2. Two

                * * *

                中文**加粗**中文**加粗**中文**加粗**中文**加粗**中文**加粗**中文**加粗**中文**加粗**中文**加粗**。
                """;
        assertEquals(java.util.OptionalInt.empty(), MarkdownLimits.tooDeep(body, MarkdownLimits.MAX_DEPTH));
        String many = "**bold** ".repeat(500) + "\n\n" + "- item\n".repeat(500);
        assertEquals(java.util.OptionalInt.empty(), MarkdownLimits.tooDeep(many, MarkdownLimits.MAX_DEPTH));
    }

    @Test
    void depthJustOverTheLimitIsFoundOnItsLine() {
        String quotes = "Intro.\n\n" + ">".repeat(100) + " fine\n\n" + "> ".repeat(101) + "too deep\n";
        assertEquals(java.util.OptionalInt.of(5), MarkdownLimits.tooDeep(quotes, 100));
        StringBuilder lists = new StringBuilder();
        for (int i = 0; i <= 101; i++) {
            lists.append("  ".repeat(i)).append("- level ").append(i).append('\n');
        }
        assertEquals(java.util.OptionalInt.of(101), MarkdownLimits.tooDeep(lists.toString(), 100));
        assertEquals(java.util.OptionalInt.of(1), MarkdownLimits.tooDeep("_".repeat(101) + "x" + "_".repeat(101), 100));
        assertEquals(java.util.OptionalInt.of(2), MarkdownLimits.tooDeep("ok\n" + "![".repeat(150) + "x" + "](u)".repeat(150), 100));
    }

    @Test
    void theWalkersTheDeskSharesNeitherParseTooDeepNorRecurse() {
        org.commonmark.parser.Parser parser = org.commonmark.parser.Parser.builder().build();
        for (String body : DEEP_BODIES) {
            assertTrue(MarkdownLimits.parse(parser, body).isEmpty(), "read as plain text instead");
            assertEquals("deepword text", MarkdownLimits.plainLines(body));
        }
        // Under the parse limit but far over the door's: parsed, then walked without recursion.
        for (String body : List.of("> ".repeat(900) + "deepword text", "*".repeat(900) + "deepword text" + "*".repeat(900))) {
            org.commonmark.node.Node document = MarkdownLimits.parse(parser, body).orElseThrow();
            assertTrue(MarkdownLimits.depth(document) >= 450, String.valueOf(MarkdownLimits.depth(document)));
            assertEquals("deepword text", MarkdownLimits.plainText(document).strip());
            assertTrue(Passages.of(article("deep-en", body)).get(0).text().contains("deepword text"));
        }
    }
}
