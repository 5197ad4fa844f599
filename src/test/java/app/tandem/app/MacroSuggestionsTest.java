package app.tandem.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.Slow;
import app.tandem.assist.Macro;
import app.tandem.assist.Suggestion;
import app.tandem.assist.SuggestionAction;
import app.tandem.assist.SuggestionLog;
import app.tandem.assist.SuggestionSource;
import app.tandem.assist.Suggestions;
import app.tandem.conversation.Channel;
import app.tandem.conversation.Conversation;
import app.tandem.conversation.MessageRejectedException;
import app.tandem.store.JdbcSuggestionLog;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Macros seeded on first start, matched by keywords (no models here), filled from profile and conversation. */
@Slow
class MacroSuggestionsTest {

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

    private static Optional<Suggestion> macro(Suggestions s) {
        return s.replies().stream().filter(r -> r.source() == SuggestionSource.MACRO).findFirst();
    }

    @Test
    void starterMacrosAreSeededInBothLanguages() {
        List<Macro> all = tandem.macros.all();
        assertTrue(all.size() >= 15, "seeded: " + all.size());
        assertTrue(all.stream().anyMatch(m -> m.language().equals("zh")));
        assertEquals(0, tandem.macros.seedIfEmpty(List.of()), "seeded once only");
    }

    @Test
    void macroIsFilledFromTheProfileWhenTheCustomerHasOneCard() {
        Conversation c = tandem.conversations.open(Optional.of("C1001"), Channel.CHAT, "Lost card");
        Suggestions s = ask(c, "I lost my card, please freeze my card");
        Suggestion m = macro(s).orElseThrow(() -> new AssertionError(s.toString()));
        assertTrue(m.text().contains("Emma") && m.text().contains("4821"), m.text());
        assertTrue(m.sourceRef().startsWith("macro:"));
        assertTrue(m.why().startsWith("Macro \""), m.why());
        assertTrue(m.confidence() > 0 && m.confidence() < 1);
        tandem.replies.send(c.id(), m.text(), Optional.of(m), "ann").orElseThrow();
    }

    @Test
    void missingValueIsMarkedAndSendingItIsRefusedUntilFilled() {
        Conversation c = tandem.conversations.open(Optional.of("C1003"), Channel.CHAT, "Lost card");
        Suggestions s = ask(c, "I lost my card, please freeze my card");
        Suggestion m = macro(s).orElseThrow(() -> new AssertionError(s.toString()));
        assertTrue(m.text().contains("⟨card last 4⟩"), m.text());
        assertFalse(m.text().contains("{"));
        MessageRejectedException refused = assertThrows(MessageRejectedException.class,
                () -> tandem.replies.send(c.id(), m.text(), Optional.of(m), "ann"));
        assertTrue(refused.getMessage().contains("⟨card last 4⟩"), refused.getMessage());
        assertEquals(1, tandem.conversations.messages(c.id()).size(), "nothing sent");
        String fixed = m.text().replace("⟨card last 4⟩", "2764");
        assertTrue(tandem.replies.send(c.id(), fixed, Optional.of(m), "ann").isPresent());
    }

    @Test
    void lastFourSaidInTheConversationFillsTheMacro() {
        Conversation c = tandem.conversations.open(Optional.of("C1003"), Channel.CHAT, "Lost card");
        Suggestions s = ask(c, "I lost my card ending 5108, please freeze my card");
        Suggestion m = macro(s).orElseThrow(() -> new AssertionError(s.toString()));
        assertTrue(m.text().contains("5108"), m.text());
    }

    @Test
    void chineseMacroForAChineseCustomer() {
        Conversation c = tandem.conversations.open(Optional.of("C1009"), Channel.CHAT, "卡");
        Suggestions s = ask(c, "我的卡丢了，帮我冻结银行卡");
        Suggestion m = macro(s).orElseThrow(() -> new AssertionError(s.toString()));
        assertTrue(m.text().contains("1586"), m.text());
    }

    private List<String> macroTitles(Suggestions s) {
        return s.replies().stream().filter(r -> r.source() == SuggestionSource.MACRO)
                .map(r -> tandem.macros.all().stream().filter(m -> r.sourceRef().equals("macro:" + m.id()))
                        .findFirst().orElseThrow().title())
                .toList();
    }

    @Test
    void greetingOnlyOpensAConversationAndClosingOnlyFollowsTheAgentsReply() {
        Conversation c = tandem.conversations.open(Optional.of("C1001"), Channel.CHAT, "Hello");
        Suggestions opening = ask(c, "hello");
        assertTrue(macroTitles(opening).contains("Greeting"), opening.toString());
        assertFalse(macroTitles(ask(c, "thanks, that's all")).contains("Closing"), "nothing to close yet");

        tandem.replies.send(c.id(), "Hi Emma, how can I help?", Optional.empty(), "ann").orElseThrow();
        Suggestions again = ask(c, "hello");
        assertFalse(macroTitles(again).contains("Greeting"), again.toString());
        Suggestions closing = ask(c, "thanks, that's all");
        assertTrue(macroTitles(closing).contains("Closing"), closing.toString());
    }

    @Test
    void badInputGivesAClearResultNotAnError() {
        Conversation c = tandem.conversations.open(Optional.empty(), Channel.CHAT, "Odd");
        Suggestions emoji = ask(c, "😀😀😀🙏");
        assertTrue(emoji.replies().isEmpty() ? emoji.notice().isPresent() : true);
        Suggestions pasted = ask(c, "my card was declined at the shop ".repeat(300));
        assertTrue(pasted.notice().isPresent() || !pasted.replies().isEmpty());
        Suggestions mixed = ask(c, "my 信用卡 was blocked 怎么办");
        assertTrue(mixed.notice().isPresent() || !mixed.replies().isEmpty());
    }

    @Test
    void nonsenseIsAbstainedOnWithTheNotice() {
        Conversation c = tandem.conversations.open(Optional.empty(), Channel.CHAT, "Odd");
        Suggestions s = ask(c, "zxqv blorf wibble");
        assertTrue(s.replies().isEmpty(), s.toString());
        assertTrue(s.notice().isPresent());
    }

    @Test
    void suggestionsNeverRepeatTheSameSource() {
        Conversation c = tandem.conversations.open(Optional.of("C1001"), Channel.CHAT, "Card");
        Suggestions s = ask(c, "I ordered a new card two weeks ago and it still hasn't arrived");
        assertEquals(s.replies().size(), s.replies().stream().map(Suggestion::text).distinct().count());
        assertTrue(s.replies().stream().allMatch(r -> r.confidence() >= app.tandem.assist.Calibration.ABSTAIN_BELOW));
    }

    @Test
    void rejectionKeepsTheReason() {
        Conversation c = tandem.conversations.open(Optional.of("C1001"), Channel.CHAT, "Card");
        Suggestions s = ask(c, "I ordered a new card two weeks ago and it still hasn't arrived");
        Suggestion first = s.replies().get(0);
        tandem.replies.reject(first, Optional.of("  outdated article  "), "ann");
        SuggestionLog log = new JdbcSuggestionLog(TandemStartTest.database(folder), Clock.systemUTC());
        SuggestionLog.Logged logged = log.forConversation(c.id()).get(0);
        assertEquals(SuggestionAction.REJECTED, logged.action());
        assertEquals(Optional.of("outdated article"), logged.rejectReason());
    }
}
