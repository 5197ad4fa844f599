package app.tandem.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.Slow;
import app.tandem.assist.Suggestion;
import app.tandem.assist.Suggestions;
import app.tandem.conversation.Channel;
import app.tandem.conversation.Conversation;
import app.tandem.kb.ArticleHit;
import app.tandem.kb.IndexCheck;
import app.tandem.kb.KnowledgeBase;
import app.tandem.kb.RetrievalMode;
import app.tandem.kb.SearchFilter;
import app.tandem.kb.SemanticEncoders;
import app.tandem.nlp.EncoderService;
import app.tandem.nlp.EncoderSettings;
import app.tandem.work.Progress;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hybrid retrieval with the real encoders (CPU) over the real index of the starter knowledge base. */
@Slow
class HybridRetrievalTest {

    @TempDir
    static Path folder;
    private static EncoderService service;
    private static Tandem tandem;
    private static KnowledgeBase kb;

    @BeforeAll
    static void start() {
        service = EncoderService.start(EncoderSettings.defaults(Optional.empty()));
        tandem = TandemStartTest.start(folder);
        kb = tandem.knowledgeBase;
        assertTrue(kb.useEncoders(Encoders.semantic(service), Progress.NONE), "adding vectors rebuilds the index");
    }

    @AfterAll
    static void stop() {
        tandem.close();
        service.close();
    }

    @Test
    void aVagueFollowUpIsAnsweredFromWhatTheCustomerAskedBefore() {
        Conversation c = tandem.conversations.open(Optional.of("C1001"), Channel.CHAT, "Card");
        Suggestion first = TandemStartTest.customerAsks(tandem, c, "I ordered a new card two weeks ago and it still hasn't arrived")
                .replies().get(0);
        tandem.replies.send(c.id(), first.text(), Optional.of(first), "ann");
        Suggestions next = TandemStartTest.customerAsks(tandem, c, "Can you explain that a bit more?");
        // On its own the turn says nothing (Tandem used to abstain); read as a follow-up it is about the card's arrival.
        assertFalse(next.replies().isEmpty(), next.notice().toString());
        assertTrue(next.replies().get(0).text().contains("arrive"), next.replies().toString());
    }

    @Test
    void aVagueChineseFollowUpGetsTheQuestionsAnswerNotTheGreeting() {
        Conversation c = tandem.conversations.open(Optional.empty(), Channel.CHAT, "转账");
        Suggestions hello = TandemStartTest.customerAsks(tandem, c, "你好");
        assertTrue(hello.replies().stream().anyMatch(r -> r.text().contains("请问有什么可以帮您")), "a greeting opens: " + hello.replies());
        tandem.replies.send(c.id(), "您好，请问有什么可以帮您？", Optional.empty(), "ann");
        Suggestion answer = TandemStartTest.customerAsks(tandem, c, "转账为什么收我手续费？").replies().get(0);
        assertEquals("transfer-fee-zh", answer.sourceRef());
        tandem.replies.send(c.id(), "我帮您查一下。", Optional.empty(), "ann");
        // bge-small-zh puts "OK, and then?" close to the greeting's and the closing's triggers (你好, 好的，谢谢).
        Suggestions next = TandemStartTest.customerAsks(tandem, c, "好，然后呢？");
        assertEquals("transfer-fee-zh", next.replies().get(0).sourceRef(), next.replies().toString());
        assertTrue(next.replies().stream().noneMatch(r -> r.text().contains("请问有什么可以帮您")), next.replies().toString());
    }

    @Test
    void aClosingStillLeadsWhenTheCustomerIsDone() {
        Conversation c = tandem.conversations.open(Optional.of("C1001"), Channel.CHAT, "Card");
        Suggestion answer = TandemStartTest.customerAsks(tandem, c, "How long does a transfer to another bank take?").replies().get(0);
        tandem.replies.send(c.id(), answer.text(), Optional.of(answer), "ann");
        // Small talk does not answer a question, so the open question's answers are offered too, but below the closing.
        Suggestions done = TandemStartTest.customerAsks(tandem, c, "great, thank you, bye");
        assertTrue(done.replies().get(0).text().startsWith("Thank you for contacting us"), done.replies().toString());
        assertTrue(done.replies().size() > 1, "the open question's answers follow: " + done.replies());
        assertTrue(done.replies().stream().noneMatch(r -> r.text().equals(answer.text())), "what was sent is not offered again");
    }

    @Test
    void meaningFindsWhatWordsMiss() {
        // No word in common with the card-delivery article's text, only the meaning.
        String question = "the plastic still isn't in my letterbox";
        List<ArticleHit> byMeaning = kb.search(question, SearchFilter.publishedOnly().inLanguage("en"), 3, RetrievalMode.VECTORS);
        assertTrue(byMeaning.stream().anyMatch(h -> h.articleId().equals("card-delivery-en")), byMeaning.toString());
        assertTrue(byMeaning.get(0).hasSimilarity());
    }

    @Test
    void blendedSearchIsTheDefaultAndWorksInChinese() {
        List<ArticleHit> zh = kb.search("我的卡被偷了怎么办", SearchFilter.publishedOnly(), 3);
        assertEquals("zh", zh.get(0).language());
        assertTrue(zh.stream().anyMatch(h -> h.articleId().equals("card-lost-stolen-zh")), zh.toString());
        assertTrue(kb.hasVectors("en") && kb.hasVectors("zh"));
    }

    @Test
    void indexFromAnotherVectorSpaceIsRebuilt() {
        assertEquals(IndexCheck.Outcome.UP_TO_DATE, kb.reconcileIndex(Progress.NONE).outcome());
        SemanticEncoders current = Encoders.semantic(service);
        Map<String, String> otherWeights = new HashMap<>(current.spaces());
        otherWeights.put("en", current.space("en") + " (fine-tuned)");
        assertTrue(kb.useEncoders(new SemanticEncoders(current.byLanguage(), otherWeights), Progress.NONE));
        assertFalse(kb.useEncoders(new SemanticEncoders(current.byLanguage(), otherWeights), Progress.NONE),
                "same space again: nothing to do");
        kb.useEncoders(current, Progress.NONE);
    }

    @Test
    void keywordSyntaxAndEmojiAreSafeWithVectors() {
        kb.search("AND ( * \" ~", SearchFilter.publishedOnly(), 5);
        kb.search("🙂👍", SearchFilter.publishedOnly(), 5);
        assertTrue(kb.search("", SearchFilter.publishedOnly(), 5).isEmpty());
    }
}
