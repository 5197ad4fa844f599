package app.tandem.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.channel.TranscriptFormat;
import app.tandem.channel.TranscriptFormatException;
import app.tandem.kb.StaleArticleException;
import app.tandem.kb.curation.NotPermittedException;
import app.tandem.ml.catalog.ModelUnavailableException;
import app.tandem.work.DataFolderInUseException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Failures the desk used to show as the exception's English message read as Chinese on the Chinese desk. */
class FailureTextsTest {

    private final Texts en = Texts.of(Locale.ENGLISH);
    private final Texts zh = Texts.of(Locale.SIMPLIFIED_CHINESE);

    @Test
    void anArticleSavedMeanwhile() {
        StaleArticleException stale = new StaleArticleException("card-arrival", 3, 4);
        assertEquals("“card-arrival”已被其他人修改（现为第 4 版，你编辑的是第 3 版）。请重新打开，查看对方的修改。", zh.failure(stale));
        assertEquals(stale.getMessage(), en.failure(stale), "the English desk says what the log says");
        assertEquals("未保存。“card-arrival”已被其他人修改（现为第 4 版，你编辑的是第 3 版）。请重新打开，查看对方的修改。",
                zh.format("kb.conflict", zh.failure(stale)));
    }

    @Test
    void aChangeTheRoleDoesNotAllowStandsAlone() {
        NotPermittedException publish = NotPermittedException.setStatus("PUBLISHED");
        assertEquals("只有主管或管理员可以把文章设为“已发布”。", zh.failure(publish));
        assertEquals(publish.getMessage(), en.failure(publish));
        assertEquals("只有主管或管理员可以恢复旧版本。", zh.failure(NotPermittedException.restoreVersion()));
        assertEquals("只有主管或管理员可以修改快捷回复。", zh.failure(NotPermittedException.changeMacros()));
        assertEquals(NotPermittedException.changeMacros().getMessage(), en.failure(NotPermittedException.changeMacros()));
    }

    @Test
    void aWriteTheOfficeServerDidNotAnswerSaysNothingWasSavedInsteadOfTheDriversText() {
        class NotAnswering extends RuntimeException implements app.tandem.work.DataFailure {
            NotAnswering() {
                super("Connection is broken: \"java.net.ConnectException: Connection refused: 10.0.0.5:9092\" [90067-232]");
            }

            @Override
            public Kind kind() {
                return Kind.OFFICE_NOT_ANSWERING;
            }
        }
        assertEquals("The office server is not answering; nothing was saved. Tandem reconnects by itself.",
                en.failure(new NotAnswering()));
        assertEquals("办公室服务器没有响应，没有保存任何内容。Tandem 会自动重新连接。", zh.failure(new NotAnswering()));
    }

    @Test
    void anArticleTheEditorWillNotStartOrSave() {
        var exists = new app.tandem.kb.curation.ArticleRefusedException(app.tandem.kb.curation.ArticleRefusedException.Reason.EXISTS, "card-en");
        assertEquals("已有 id 为“card-en”的文章：请打开它，或换一个标题。", zh.failure(exists));
        assertEquals(exists.getMessage(), en.failure(exists));
        for (var reason : app.tandem.kb.curation.ArticleRefusedException.Reason.values()) {
            var refused = new app.tandem.kb.curation.ArticleRefusedException(reason, "x-en", "en");
            assertEquals(refused.getMessage(), en.failure(refused), reason.name());
        }
        assertEquals("未保存：文章需要标题和正文。", zh.format("kb.saveFailed", zh.failure(
                new app.tandem.kb.curation.ArticleRefusedException(app.tandem.kb.curation.ArticleRefusedException.Reason.NO_TITLE_OR_BODY))));
    }

    @Test
    void everyReasonOfARefusedMessageOrCorrectionHasItsWordsInBothLanguages() {
        List<app.tandem.work.RefusedException> all = new java.util.ArrayList<>();
        for (var reason : app.tandem.conversation.MessageRejectedException.Reason.values()) {
            all.add(new app.tandem.conversation.MessageRejectedException(reason, "10001", "10000"));
        }
        for (var reason : app.tandem.assist.escalation.CorrectionRefusedException.Reason.values()) {
            all.add(new app.tandem.assist.escalation.CorrectionRefusedException(reason));
        }
        for (var refused : all) {
            assertEquals(refused.getMessage(), en.failure(refused), refused.reason().name());
            String chinese = zh.failure(refused);
            assertTrue(!chinese.equals(refused.getMessage()) && chinese.codePoints().anyMatch(c -> c >= 0x4E00 && c <= 0x9FFF),
                    refused.reason().name() + ": " + chinese);
        }
    }

    @Test
    void everyReasonOfARefusedImageHasItsWordsInBothLanguages() {
        for (var reason : app.tandem.channel.image.ImageRefusedException.Reason.values()) {
            var refused = new app.tandem.channel.image.ImageRefusedException(reason, "GIF", "100000", "40");
            assertEquals(refused.getMessage(), en.failure(refused), reason.name());
            String chinese = zh.failure(refused);
            assertTrue(chinese.codePoints().anyMatch(c -> c >= 0x4E00 && c <= 0x9FFF), reason.name() + ": " + chinese);
        }
    }

    @Test
    void valuesTooLongForTheirColumnsAreRefusedInBothLanguagesWithoutTheValue() {
        var title = new app.tandem.conversation.MessageRejectedException(
                app.tandem.conversation.MessageRejectedException.Reason.TITLE_TOO_LONG, "300", "256");
        assertEquals("这个标题有 300 个字符，上限是 256。请缩短。", zh.failure(title));
        var summary = new app.tandem.conversation.MessageRejectedException(
                app.tandem.conversation.MessageRejectedException.Reason.SUMMARY_TOO_LONG, "4100", "4000");
        assertEquals("这段摘要有 4100 个字符，上限是 4000。请缩短。", zh.failure(summary));
        TranscriptFormatException header = assertThrows(TranscriptFormatException.class,
                () -> TranscriptFormat.parse("long.txt", "# title: " + "t".repeat(300) + "\ncustomer: hi\n"));
        assertEquals("long.txt 第 1 行：“# title”有 300 个字符，上限是 256", zh.failure(header));
        assertEquals(header.getMessage(), en.failure(header));
        var display = new app.tandem.security.InvalidAccountException(
                app.tandem.security.InvalidAccountException.Problem.DISPLAY_NAME_TOO_LONG, "128");
        assertEquals("显示名称最多 128 个字符。", zh.failure(display));
        assertEquals(display.getMessage(), en.failure(display));
    }

    @Test
    void everyProblemOfATranscriptOrAnAccountHasItsWordsInBothLanguages() {
        for (var problem : TranscriptFormatException.Problem.values()) {
            // Texts.get answers the key itself for a missing key; MessagesBundleTest holds the two bundles' keys equal.
            String key = "failure.transcript." + problem.name();
            assertTrue(!en.get(key).equals(key) && !zh.get(key).equals(key), key);
        }
        for (var problem : app.tandem.security.InvalidAccountException.Problem.values()) {
            var refused = new app.tandem.security.InvalidAccountException(problem, "8");
            assertEquals(refused.getMessage().replace('"', '“'), en.failure(refused).replace('”', '“'), problem.name());
            String chinese = zh.failure(refused);
            assertTrue(chinese.codePoints().anyMatch(c -> c >= 0x4E00 && c <= 0x9FFF), problem.name() + ": " + chinese);
        }
    }

    @Test
    void aCorrectionOfATurnStandsAloneInBackgroundFailures() {
        var notCustomer = new app.tandem.assist.escalation.CorrectionRefusedException(
                app.tandem.assist.escalation.CorrectionRefusedException.Reason.NOT_A_CUSTOMER_TURN);
        assertEquals("只能更正客户的发言。", zh.failure("error.background", notCustomer), "no 无法完成： in front");
        assertEquals(notCustomer.getMessage(), en.failure(notCustomer));
        assertEquals("无法完成：disk full", zh.failure("error.background", new IllegalStateException("disk full")));
    }

    @Test
    void aFileThatIsNotATranscript() {
        TranscriptFormatException badLine = assertThrows(TranscriptFormatException.class,
                () -> TranscriptFormat.parse("bad.txt", "customer: hi\nsupervisor: what\n"));
        assertEquals("bad.txt 第 2 行：应为“customer: 内容”或“agent: 内容”，实际是“supervisor: what”", zh.failure(badLine));
        assertEquals(badLine.getMessage(), en.failure(badLine));
        TranscriptFormatException agentOnly = assertThrows(TranscriptFormatException.class,
                () -> TranscriptFormat.parse("a.txt", "agent: only me\n"));
        assertEquals("a.txt：这份对话记录里没有客户的发言", zh.failure(agentOnly));
    }

    @Test
    void aModelThatCannotBeUsedKeepsItsTechnicalCause() {
        var unavailable = new ModelUnavailableException("model all-minilm-l6-v2: file x.pt is not on the classpath");
        assertEquals("语言模型不可用（model all-minilm-l6-v2: file x.pt is not on the classpath）", zh.failure(unavailable));
        assertEquals("训练失败：语言模型不可用（model all-minilm-l6-v2: file x.pt is not on the classpath）",
                zh.format("training.failed", zh.failure(unavailable)));
        assertEquals(unavailable.getMessage(), en.failure(unavailable));
    }

    @Test
    void aDataFolderAnotherTandemHolds() {
        Path folder = Path.of("data");
        assertEquals("Tandem 已经在 " + folder + " 上打开。请切换到那个窗口，或先将其关闭。", zh.failure(new DataFolderInUseException(folder)));
        assertEquals(new DataFolderInUseException(folder).getMessage(), en.failure(new DataFolderInUseException(folder)));
    }

    @Test
    void aTechnicalMessageGetsItsPlacesSentenceARefusalDoesNot() {
        assertEquals("无法登录：Database may be already in use", zh.failure("signIn.failed", new IllegalStateException("Database may be already in use")));
        assertEquals("Could not sign in: Database may be already in use",
                en.failure("signIn.failed", new IllegalStateException("Database may be already in use")));
        assertEquals("只有主管或管理员可以恢复旧版本。", zh.failure("signIn.failed", NotPermittedException.restoreVersion()),
                "no 无法登录： in front of a sentence that stands alone");
        assertEquals("无法登录：出现错误。", zh.failure("signIn.failed", new IllegalStateException()));
    }
}
