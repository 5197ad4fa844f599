package app.tandem.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import app.tandem.assist.escalation.Escalation;
import app.tandem.assist.escalation.EscalationDetail;
import app.tandem.assist.escalation.EscalationReason;
import app.tandem.assist.escalation.EscalationStatus;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What domain code hands the UI as data (escalation details, ...) reads as Chinese in the Chinese UI. */
class LocalisedDomainTextsTest {

    private final Texts en = Texts.of(Locale.ENGLISH);
    private final Texts zh = Texts.of(Locale.SIMPLIFIED_CHINESE);

    private static Escalation escalation(EscalationReason reason, EscalationDetail detail) {
        return new Escalation(1, 2, 3, reason, detail, Instant.EPOCH, EscalationStatus.OPEN, Optional.empty(), Optional.empty());
    }

    @Test
    void escalationReasonsAndDetails() {
        Escalation urgent = escalation(EscalationReason.URGENT_INTENT,
                EscalationDetail.of(EscalationDetail.Kind.URGENT_INTENT, "lost_or_stolen_card", "MODEL", "v003", "87"));
        assertEquals("【紧急】卡片丢失或被盗（挂失），依据：意图模型 v003（置信度 87%）", zh.escalation(urgent));
        assertEquals("Urgent (Lost or stolen card, according to the intent model v003 (87% confident))", en.escalation(urgent));

        Escalation human = escalation(EscalationReason.ASKED_FOR_HUMAN, EscalationDetail.of(EscalationDetail.Kind.ASKED, "speak to a manager"));
        assertEquals("【要求转人工或找经理】客户说：“speak to a manager”", zh.escalation(human), "the customer's words stay as said");

        assertEquals("连续两轮情绪不佳：先不满，后愤怒",
                zh.escalationDetail(EscalationDetail.of(EscalationDetail.Kind.NEGATIVE_TURNS, "NEGATIVE", "ANGRY")));
        assertEquals("连续两轮客户发言都没有置信度达到 50% 的建议",
                zh.escalationDetail(EscalationDetail.of(EscalationDetail.Kind.NO_CONFIDENT_SUGGESTION, "50")));
        assertEquals("卡被吞了，依据：关键词规则".replace("卡被吞了", zh.intentName("card_swallowed")),
                zh.escalationDetail(EscalationDetail.of(EscalationDetail.Kind.URGENT_INTENT, "card_swallowed", "KEYWORDS", "", "70")));
        assertEquals("asked: \"x\"", zh.escalationDetail(EscalationDetail.parse("asked: \"x\"")), "an old stored sentence shows as it is");
    }

    @Test
    void macroGapsAreNamedInTheDesksLanguageAndStillBlockSending() {
        String filled = app.tandem.assist.Placeholders.fill("Hi {customer.firstName}, card ending {card.last4}.", java.util.Map.of()).text();
        assertEquals("Hi ⟨card last 4⟩".replace("card last 4", "customer first name") + ", card ending ⟨card last 4⟩.", filled);
        assertEquals(filled, en.localGaps(filled), "English stays as the assist service wrote it");
        String chinese = zh.localGaps(filled);
        assertEquals("Hi ⟨客户名字⟩, card ending ⟨卡号后四位⟩.", chinese);
        assertEquals(java.util.List.of("⟨客户名字⟩", "⟨卡号后四位⟩"), app.tandem.assist.Placeholders.unfilled(chinese));
        assertEquals("⟨坐席姓名⟩", zh.gapLabel("agent.name"));
    }

    @Test
    void everyEntityTypeHasWordsInBothLanguages() {
        for (app.tandem.nlp.entities.EntityType t : app.tandem.nlp.entities.EntityType.values()) {
            String key = "entity." + t.name();
            assertFalse(en.get(key).equals(key) || zh.get(key).equals(key), key);
        }
        assertEquals("卡号：**** 6467", zh.format("chip.entity", zh.get("entity.CARD_NUMBER"), "**** 6467"));
    }

    @Test
    void statusBarLineOnTheModels() {
        var en1 = app.tandem.nlp.ModelStatus.loaded("all-minilm-l6-v2", java.util.List.of("en"), "", 900);
        var zh1 = app.tandem.nlp.ModelStatus.unavailable("bge-small-zh-v15-q", java.util.List.of("zh"),
                app.tandem.nlp.ModelStatus.Cause.FILES_UNAVAILABLE, "checksum mismatch");
        var encoders = new app.tandem.nlp.EncoderStatus("cpu()", java.util.List.of(en1, zh1),
                java.util.Map.of(app.tandem.nlp.Language.EN, "all-minilm-l6-v2", app.tandem.nlp.Language.ZH, "bge-small-zh-v15-q"));
        var ready = app.tandem.nlp.EngineStatus.ready(encoders, 40);
        assertEquals("正在为知识库建立语义索引… 40% · 设备 cpu() · en：all-minilm-l6-v2，zh：bge-small-zh-v15-q（不可用） — 不可用的语言仅用关键词搜索："
                + "模型 bge-small-zh-v15-q 的文件缺失或已损坏（checksum mismatch）",
                zh.engineStatus(ready));
        assertEquals(ready.english(), en.engineStatus(ready), "English says what the command line says");
        assertEquals("正在加载语言模型…（暂用关键词搜索）", zh.engineStatus(app.tandem.nlp.EngineStatus.loading()));
        assertEquals("仅关键词搜索：本次运行未加载语言模型", zh.engineStatus(app.tandem.nlp.EngineStatus.notLoaded()));
        assertEquals("Keyword search only: models not loaded in this run", en.engineStatus(app.tandem.nlp.EngineStatus.notLoaded()));
        assertEquals("仅关键词搜索：语言模型无法启动（no PyTorch native library）",
                zh.engineStatus(app.tandem.nlp.EngineStatus.keywordsOnly("no PyTorch native library")));
    }

    @Test
    void accountProblemsInChineseOtherFailuresAsTheySaid() {
        var tooShort = new app.tandem.security.InvalidAccountException(app.tandem.security.InvalidAccountException.Problem.PASSWORD_TOO_SHORT, "8");
        assertEquals("密码至少需要 8 个字符。", zh.failure(tooShort));
        assertEquals("A password needs at least 8 characters.", en.failure(tooShort));
        assertEquals("用户名“bob”已被占用。", zh.failure(new app.tandem.security.InvalidAccountException(
                app.tandem.security.InvalidAccountException.Problem.USERNAME_TAKEN, "bob")));
        assertEquals("disk full", zh.failure(new IllegalStateException("disk full")));
    }

    @Test
    void aRefusedMessageIsToldInTheAgentsLanguage() {
        var tooLong = new app.tandem.conversation.MessageRejectedException(
                app.tandem.conversation.MessageRejectedException.Reason.TOO_LONG, "10001", "10000");
        assertEquals("这条消息有 10001 个字符，上限是 10000。请拆成几条较短的消息。", zh.failure(tooLong));
        assertEquals(tooLong.getMessage(), en.failure(tooLong), "the English UI says what the log says");
        var gaps = new app.tandem.conversation.MessageRejectedException(
                app.tandem.conversation.MessageRejectedException.Reason.GAPS_TO_FILL, "⟨卡号后四位⟩");
        assertEquals("发送前请先填写 ⟨卡号后四位⟩：回复中还有未填的值。", zh.failure(gaps));
    }
}
