package app.tandem.kb.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.kb.Article;
import app.tandem.kb.ArticleProblem;
import app.tandem.kb.ArticleStatus;
import app.tandem.kb.KbFixture;
import app.tandem.work.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16: one article of 20,000 nested block quotes in a folder or a bundle was stored, then broke every
 * later start. Now the whole import is refused with a sentence naming the article and the line.
 */
class DeepArticleImportTest {

    private static final String DEEP = ">".repeat(20_000) + " deepword text";

    @TempDir
    Path tmp;

    @Test
    void aFolderWithOneDeepArticleIsRefusedWhole() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("incoming"));
        Files.writeString(dir.resolve("good.md"), "---\nid: good-one-en\ntitle: Good\nlanguage: en\n---\nA body.\n");
        Files.writeString(dir.resolve("deep.md"), "---\nid: deep-en\ntitle: Deep\nlanguage: en\n---\nIntro.\n\n" + DEEP + "\n");
        assertRefusedWhole(dir, "deep.md");
    }

    @Test
    void aBundleWithOneDeepArticleIsRefusedWhole() throws IOException {
        Path bundle = tmp.resolve("kb.zip");
        KbBundle.write(bundle, List.of(new KbBundle.Item(article("good-one-en", "A body."), List.of()),
                new KbBundle.Item(article("deep-en", "Intro.\n\n" + DEEP), List.of())), Instant.EPOCH, "sue", Progress.NONE);
        assertRefusedWhole(bundle, "articles/en/deep-en.md");
    }

    @Test
    void csvAndJsonRowsWithADeepAnswerAreRefused() throws IOException {
        Path csv = Files.writeString(tmp.resolve("faq.csv"), "question,answer\nGood?,Fine.\nDeep?,\"" + "*".repeat(20_000)
                + "x" + "*".repeat(20_000) + "\"\n");
        Path json = Files.writeString(tmp.resolve("faq.json"), "[{\"title\":\"Good\",\"body\":\"Fine.\"},"
                + "{\"title\":\"Deep\",\"body\":\"" + "- ".repeat(5_000) + "x\"}]");
        try (KbFixture f = new KbFixture(tmp.resolve("data"), false)) {
            for (Path file : List.of(csv, json)) {
                ImportReport report = f.transfer.plan(file, "sue", Progress.NONE);
                assertTrue(report.refused());
                assertEquals(1, report.problems().size(), report.problems().toString());
                assertEquals(ArticleProblem.Kind.TOO_DEEP, report.problems().get(0).problem().kind());
                assertEquals("deep-en", report.problems().get(0).problem().arg(0));
                assertThrows(ImportRefusedException.class, () -> f.transfer.apply(file, report, true, "sue", Progress.NONE));
                assertEquals(0, f.kb.count());
            }
        }
    }

    private void assertRefusedWhole(Path source, String file) {
        try (KbFixture f = new KbFixture(tmp.resolve("data"), false)) {
            ImportReport report = f.transfer.plan(source, "sue", Progress.NONE);
            assertTrue(report.refused());
            assertEquals(1, report.problems().size(), report.problems().toString());
            ImportProblem problem = report.problems().get(0);
            assertEquals(file, problem.file());
            assertEquals(ArticleProblem.Kind.TOO_DEEP, problem.problem().kind());
            assertEquals("the article \"deep-en\" nests block quotes, lists, emphasis or links more than 100 deep"
                    + " on line 3 of its body", problem.reason());
            assertThrows(ImportRefusedException.class, () -> f.transfer.apply(source, report, true, "sue", Progress.NONE));
            assertEquals(0, f.kb.count(), "nothing imported, not even the good article");
        }
    }

    private static Article article(String id, String body) {
        return new Article(id, "Title of " + id, "en", ArticleStatus.PUBLISHED, List.of(), List.of(), Optional.empty(), body,
                1, Instant.EPOCH, "sue");
    }
}
