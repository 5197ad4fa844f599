package app.tandem.ui.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.kb.ArticleFile;
import app.tandem.kb.ArticleFormatException;
import app.tandem.kb.ArticleProblem;
import app.tandem.kb.ArticleStatus;
import app.tandem.kb.transfer.ImportFiles;
import app.tandem.kb.transfer.ImportProblem;
import app.tandem.kb.transfer.ImportSource;
import app.tandem.ui.common.Texts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Why a knowledge-base import or article file is refused reads in the desk's language (ADR 0005). */
class ArticleProblemTextsTest {

    private final Texts en = Texts.of(Locale.ENGLISH);
    private final Texts zh = Texts.of(Locale.SIMPLIFIED_CHINESE);

    @TempDir
    Path tmp;

    /** Enough arguments for any kind; each distinct, so a pattern that drops or swaps one shows. */
    private static ArticleProblem sample(ArticleProblem.Kind kind) {
        return ArticleProblem.of(kind, "a1", "b2", "c3", "d4", "e5");
    }

    @Test
    void everyKindHasWordsInBothLanguagesAndTheEnglishBundleSaysWhatTheCommandLineSays() {
        for (ArticleProblem.Kind kind : ArticleProblem.Kind.values()) {
            String key = "kb.problem." + kind.name();
            assertFalse(en.get(key).equals(key), "no English text for " + key);
            assertFalse(zh.get(key).equals(key), "no Chinese text for " + key);
            ArticleProblem p = sample(kind);
            assertEquals(p.english(), en.articleProblem(p), key + ": the bundle and english() must agree");
            assertFalse(zh.articleProblem(p).equals(p.english()), key + " is not translated");
            assertTrue(zh.articleProblem(p).codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                    key + " has no Chinese in it: " + zh.articleProblem(p));
        }
    }

    @Test
    void argumentsStayAsTheyCame() {
        assertEquals("ID“Bad Id”只能包含小写字母、数字和连字符", zh.articleProblem(ArticleProblem.of(ArticleProblem.Kind.BAD_ID, "Bad Id")));
        assertEquals("文件大小为 1075 KB，上限为 976 KB", zh.articleProblem(ArticleProblem.of(ArticleProblem.Kind.TOO_LARGE, 1075, 976)));
        assertEquals("知识库包中的文件超过 100000 个", zh.articleProblem(ArticleProblem.of(ArticleProblem.Kind.TOO_MANY_FILES, 100_000)),
                "numbers are not regrouped");
        assertEquals("无法读取的 zip 文件：zip END header not found",
                zh.articleProblem(ArticleProblem.of(ArticleProblem.Kind.UNREADABLE_ZIP, "zip END header not found")),
                "a library's own message stays as it is");
        assertEquals("the file's id \"a\" differs from the manifest's \"b\"",
                en.articleProblem(ArticleProblem.of(ArticleProblem.Kind.ID_DIFFERS, "a", "b")), "apostrophes survive MessageFormat");
    }

    @Test
    void aRefusedArticleFileIsExplainedInChinese() {
        ArticleFormatException e = org.junit.jupiter.api.Assertions.assertThrows(ArticleFormatException.class,
                () -> ArticleFile.parse("Just text", ArticleStatus.DRAFT, Instant.EPOCH, "ann"));
        assertEquals("no front matter: the file must start with a line '---'", e.getMessage(), "the message stays English, for logs");
        assertEquals("缺少前置元数据（front matter）：文件必须以一行“---”开头", zh.failure(e));
        assertEquals(e.getMessage(), en.failure(e));
    }

    @Test
    void aRefusedImportIsExplainedInChinese() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("incoming"));
        Files.writeString(dir.resolve("bad-id.md"), "---\nid: Bad Id\ntitle: x\nlanguage: en\n---\nBody\n");
        Files.writeString(dir.resolve("french.md"), "---\nid: x-fr\ntitle: x\nlanguage: fr\n---\nBody\n");
        ImportSource source = ImportFiles.read(dir, Instant.EPOCH, "ann");
        assertEquals(2, source.problems().size(), source.problems().toString());
        ImportProblem badId = source.problems().get(0);
        assertEquals("bad-id.md", badId.file());
        assertEquals(ArticleProblem.Kind.BAD_ID, badId.problem().kind());
        assertEquals("id \"Bad Id\" must be lower-case letters, digits and dashes", badId.reason());
        assertEquals("ID“Bad Id”只能包含小写字母、数字和连字符", zh.articleProblem(badId.problem()));
        assertEquals("语言“fr”不在可选范围 [en, zh] 内", zh.articleProblem(source.problems().get(1).problem()));

        ImportSource missing = ImportFiles.read(tmp.resolve("nowhere"), Instant.EPOCH, "ann");
        assertEquals("文件或文件夹不存在", zh.articleProblem(missing.problems().get(0).problem()));
        assertEquals("no such file or folder", missing.problems().get(0).reason());

        ImportSource notAZip = ImportFiles.read(Files.writeString(tmp.resolve("fake.zip"), "hello"), Instant.EPOCH, "ann");
        assertEquals(ArticleProblem.Kind.NO_MANIFEST, notAZip.problems().get(0).problem().kind(), notAZip.problems().toString());
        assertEquals("缺少 manifest.json：这不是 Tandem 知识库包", zh.articleProblem(notAZip.problems().get(0).problem()));
    }

    @Test
    void aBadCsvRowOrJsonArticleIsPlacedInChinese() throws IOException {
        Path csv = Files.writeString(tmp.resolve("faq.csv"), "question,answer,tags\nCan I pay by card?,Yes.,cards\n,No question here,\n");
        ImportProblem row = ImportFiles.read(csv, Instant.EPOCH, "ann").problems().get(0);
        assertEquals("faq.csv row 3", row.where(), "the command line's words (rows as a spreadsheet numbers them: the header is row 1)");
        assertEquals("faq.csv row 3: missing title (question)", en.importProblem(row));
        assertEquals("faq.csv 第 3 行：缺少标题（问题）", zh.importProblem(row), "the file's third line");

        Path json = Files.writeString(tmp.resolve("faq.json"), "[{\"title\": \"Hours\", \"body\": \"9-5\", \"tags\": \"branch\"}]");
        ImportProblem article = ImportFiles.read(json, Instant.EPOCH, "ann").problems().get(0);
        assertEquals("faq.json article 1: \"tags\" must be a list of strings", en.importProblem(article));
        assertEquals("faq.json 第 1 篇文章：“tags”必须是字符串列表", zh.importProblem(article));

        ImportProblem whole = new ImportProblem("kb.zip", ArticleProblem.Kind.UNREADABLE_ZIP, "invalid END header");
        assertEquals("kb.zip：无法读取的 zip 文件：invalid END header", zh.importProblem(whole));
    }
}
