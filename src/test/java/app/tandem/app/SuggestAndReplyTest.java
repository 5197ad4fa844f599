package app.tandem.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.assist.Suggestion;
import app.tandem.assist.SuggestionAction;
import app.tandem.assist.SuggestionLog;
import app.tandem.assist.SuggestionNotice;
import app.tandem.assist.SuggestionSource;
import app.tandem.assist.Suggestions;
import app.tandem.conversation.Channel;
import app.tandem.conversation.Conversation;
import app.tandem.conversation.Message;
import app.tandem.conversation.MessageOrigin;
import app.tandem.store.JdbcSuggestionLog;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one flow that matters: customer message in, suggestions out, the agent's choice recorded in H2. */
class SuggestAndReplyTest {

    @TempDir
    Path folder;
    private Tandem tandem;

    @BeforeEach
    void start() {
        tandem = TandemStartTest.start(folder);
    }

    @AfterEach
    void stop() {
        tandem.close();
    }

    private Suggestions ask(Conversation c, String text) {
        return TandemStartTest.customerAsks(tandem, c, text);
    }

    @Test
    void englishQuestionGetsEnglishRepliesFromTheRightArticle() {
        Conversation c = tandem.conversations.open(Optional.of("C1001"), Channel.CHAT, "Card");
        Suggestions s = ask(c, "I ordered a new card two weeks ago and it still hasn't arrived");
        assertEquals(1, s.messageSeq());
        assertFalse(s.replies().isEmpty(), s.notice().toString());
        // Macros rank with articles now; the best article reply is the one checked here.
        Suggestion best = s.replies().stream().filter(r -> r.source() == SuggestionSource.ARTICLE).findFirst()
                .orElseThrow(() -> new AssertionError(s.replies().toString()));
        assertEquals("card-delivery-en", best.sourceRef());
        assertTrue(best.id() > 0, "logged");
        assertTrue(best.confidence() > 0 && best.confidence() < 1);
        assertTrue(best.text().startsWith("Thanks for getting in touch."));
        assertEquals("card-delivery-en", s.articles().get(0).articleId());
    }

    @Test
    void chineseQuestionGetsChineseReplies() {
        Conversation c = tandem.conversations.open(Optional.empty(), Channel.CHAT, "卡");
        Suggestions s = ask(c, "我的卡丢了，怎么冻结？");
        assertFalse(s.replies().isEmpty(), s.notice().toString());
        assertEquals("zh", s.articles().get(0).language(), s.articles().toString());
        List<Suggestion> articles = s.replies().stream().filter(r -> r.source() == SuggestionSource.ARTICLE).toList();
        assertTrue(articles.stream().allMatch(r -> r.sourceRef().endsWith("-zh") && r.text().startsWith("感谢您的咨询")),
                s.replies().toString());
        assertTrue(s.replies().stream().filter(r -> r.source() == SuggestionSource.MACRO)
                .allMatch(r -> r.text().codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)));
    }

    @Test
    void acceptedEditedAndIgnoredSuggestionsAreRecorded() {
        SuggestionLog log = new JdbcSuggestionLog(TandemStartTest.database(folder), Clock.systemUTC());
        Conversation c = tandem.conversations.open(Optional.empty(), Channel.CHAT, "PIN");
        Suggestions first = ask(c, "My PIN is blocked after three wrong tries");
        Suggestion used = first.replies().get(0);
        Message sent = tandem.replies.send(c.id(), used.text(), Optional.of(used), "ann").orElseThrow();
        assertEquals(MessageOrigin.SUGGESTION_ACCEPTED, sent.origin());

        Suggestions second = ask(c, "And how do I change my PIN?");
        Suggestion edited = second.replies().get(0);
        Message sentEdited = tandem.replies.send(c.id(), edited.text() + " Thanks!", Optional.of(edited), "ann").orElseThrow();
        assertEquals(MessageOrigin.SUGGESTION_EDITED, sentEdited.origin());

        List<SuggestionLog.Logged> logged = log.forConversation(c.id());
        SuggestionLog.Logged acceptedRow = logged.stream().filter(l -> l.id() == used.id()).findFirst().orElseThrow();
        assertEquals(SuggestionAction.ACCEPTED, acceptedRow.action());
        assertEquals(0, acceptedRow.editDistance());
        SuggestionLog.Logged editedRow = logged.stream().filter(l -> l.id() == edited.id()).findFirst().orElseThrow();
        assertEquals(SuggestionAction.EDITED, editedRow.action());
        assertEquals(" Thanks!".length(), editedRow.editDistance());
        assertTrue(logged.stream().filter(l -> l.id() != used.id() && l.id() != edited.id())
                .allMatch(l -> l.action() == SuggestionAction.IGNORED), "the rest were ignored");
        // What the re-ranker learns from: retrieval's raw score and search rank, and when the action came.
        assertTrue(acceptedRow.rawScore().isPresent() && acceptedRow.actedAt().isPresent(), acceptedRow.toString());
        assertTrue(logged.stream().allMatch(l -> l.searchRank().isPresent()
                && (l.source() == SuggestionSource.ARTICLE) == (l.searchRank().getAsInt() > 0)), logged.toString());
    }

    /**
     * Keyword search alone (no models here): a follow-up that says nothing by itself is searched with the
     * question before it; a new question is searched by its own words, not pulled back to the old subject.
     */
    @Test
    void followUpKeepsTheTopicOfThePreviousQuestionAndANewQuestionItsOwn() {
        Conversation c = tandem.conversations.open(Optional.of("C1001"), Channel.CHAT, "Card");
        Suggestion first = ask(c, "I ordered a new card two weeks ago and it still hasn't arrived").replies().get(0);
        tandem.replies.send(c.id(), first.text(), Optional.of(first), "ann");
        Suggestions followUp = ask(c, "Can you explain that a bit more?");
        assertEquals(3, followUp.messageSeq());
        assertFalse(followUp.replies().isEmpty(), followUp.notice().toString());
        assertEquals("card-delivery-en", followUp.articles().get(0).articleId(), followUp.articles() + " / " + followUp.replies());
        tandem.replies.send(c.id(), followUp.replies().get(0).text(), Optional.of(followUp.replies().get(0)), "ann");
        Suggestions another = ask(c, "How can I top up my account with cash?");
        assertEquals("top-up-cash-or-cheque-en", another.articles().get(0).articleId(), another.articles().toString());
    }

    @Test
    void closingAResolvedConversationTeachesTheArticleTheCustomersQuestion() {
        Conversation c = tandem.conversations.open(Optional.of("C1002"), Channel.CHAT, "Odd wording");
        String question = "my plastic hasn't turned up in the post, card 4539 1488 0343 6467";
        Suggestions s = ask(c, question);
        Suggestion pick = s.replies().stream().filter(r -> r.sourceRef().equals("card-delivery-en")).findFirst()
                .orElse(s.replies().get(0));
        tandem.replies.send(c.id(), pick.text(), Optional.of(pick), "ann");
        tandem.conversations.close(c.id(), "Card on its way");

        var learned = tandem.knowledgeBase.questions(pick.sourceRef());
        assertEquals(1, learned.size());
        assertEquals("my plastic hasn't turned up in the post, card [card]", learned.get(0).text());
        Conversation next = tandem.conversations.open(Optional.empty(), Channel.CHAT, "Same wording");
        Suggestions again = ask(next, "my plastic hasn't turned up in the post");
        assertEquals(pick.sourceRef(), again.articles().get(0).articleId());
        assertTrue(again.articles().get(0).matchedQuestion().isPresent());

        tandem.knowledgeBase.removeQuestion(learned.get(0).id(), "sup");
        assertTrue(tandem.knowledgeBase.questions(pick.sourceRef()).isEmpty());
    }

    @Test
    void noCustomerTurnYetMeansWaiting() {
        Conversation c = tandem.conversations.open(Optional.empty(), Channel.PHONE, "Walk-in");
        Suggestions s = tandem.assist.suggest(c.id(), List.of(), "ann");
        assertTrue(s.replies().isEmpty());
        assertEquals(Optional.of(SuggestionNotice.WAITING), s.notice());
    }
}
