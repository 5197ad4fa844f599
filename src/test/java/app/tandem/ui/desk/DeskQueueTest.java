package app.tandem.ui.desk;

import static app.tandem.ui.desk.DeskFakes.AGENT;
import static app.tandem.ui.desk.DeskFakes.CLOCK;
import static app.tandem.ui.desk.DeskFakes.SUPERVISOR;
import static app.tandem.ui.desk.DeskFakes.conversation;
import static app.tandem.ui.desk.DeskFakes.customer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.conversation.Channel;
import app.tandem.conversation.ConversationEvent.Kind;
import app.tandem.conversation.Team;
import app.tandem.office.Colleague;
import app.tandem.office.Presence;
import app.tandem.security.Role;
import app.tandem.security.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The office queue at the desk over {@link DeskFakes}: what an agent and a supervisor see of it, claiming (and
 * losing the race), a conversation moved away while on screen, and passing one on with a note.
 */
class DeskQueueTest {

    private static DeskFakes.Desk desk(User user) {
        DeskFakes.Desk desk = new DeskFakes.Desk(user);
        desk.conversations.colleagues.addAll(List.of(
                new Colleague("dana", "Dana Doe", Role.AGENT, Optional.empty(), Optional.empty()),
                new Colleague("ann", "Ann Agent", Role.AGENT, Optional.of(Presence.AVAILABLE), Optional.of(CLOCK.instant())),
                new Colleague("ben", "Ben Busy", Role.AGENT, Optional.of(Presence.BUSY), Optional.of(CLOCK.instant())),
                new Colleague("sue", "Sue Supervisor", Role.SUPERVISOR, Optional.of(Presence.AVAILABLE), Optional.of(CLOCK.instant()))));
        return desk;
    }

    private static List<String> queue(DeskViewModel vm) {
        return vm.queue().items().stream().map(q -> q.group() + " " + q.conversation().title() + q.note().map(n -> " / " + n).orElse(""))
                .toList();
    }

    @Test
    void anAgentSeesTheirOwnAndTheWaitingButNotAColleaguesOrTheSupervisorsQueue() {
        DeskFakes.Desk desk = desk(AGENT);
        desk.conversations.add(conversation(1, Channel.CHAT), customer(1, 1, "Hello?"));
        desk.conversations.add(conversation(2, Channel.CHAT), customer(2, 1, "My card"));
        desk.conversations.add(conversation(3, Channel.PHONE));
        desk.conversations.add(conversation(4, Channel.PHONE));
        desk.conversations.move(2, Kind.CLAIMED, "ann", Team.AGENTS, "ann", null);
        desk.conversations.move(3, Kind.CLAIMED, "ben", Team.AGENTS, "ben", null);
        desk.conversations.move(4, Kind.HANDED_OFF, "ann", Team.SUPERVISORS, null, "Wants a fee refunded");
        desk.vm.start();

        assertEquals(List.of("MINE Conversation 2", "WAITING Conversation 1"), queue(desk.vm));
        assertTrue(desk.vm.conversation().isSelected(2), "the first conversation, the agent's own, is on screen");
        assertEquals(HolderViewModel.Hold.MINE, desk.vm.holder().holdProperty().get());
    }

    @Test
    void aSupervisorAlsoSeesTheHandoffsWithTheirNotes() {
        DeskFakes.Desk desk = desk(SUPERVISOR);
        desk.conversations.add(conversation(1, Channel.CHAT), customer(1, 1, "Hello?"));
        desk.conversations.add(conversation(4, Channel.PHONE));
        desk.conversations.move(4, Kind.HANDED_OFF, "ann", Team.SUPERVISORS, null, "Wants a fee refunded");
        desk.vm.start();

        assertEquals(List.of("WAITING Conversation 1", "SUPERVISORS Conversation 4 / Wants a fee refunded"), queue(desk.vm));
    }

    @Test
    void claimingAWaitingConversationMakesItMine() {
        DeskFakes.Desk desk = desk(AGENT);
        desk.conversations.add(conversation(1, Channel.CHAT), customer(1, 1, "Hello?"));
        desk.vm.start();
        assertEquals(HolderViewModel.Hold.WAITING, desk.vm.holder().holdProperty().get(), "shown with the Claim action");

        desk.vm.holder().claim();

        assertEquals(HolderViewModel.Hold.MINE, desk.vm.holder().holdProperty().get());
        assertEquals(List.of("MINE Conversation 1"), queue(desk.vm));
        assertEquals(List.of("Ann Agent claimed it"), desk.vm.holder().moves().stream().map(HolderViewModel.Move::words).toList());
    }

    @Test
    void losingTheRaceSaysWhoWasFirstKeepsTheDraftAndLocksTheBox() {
        DeskFakes.Desk desk = desk(AGENT);
        desk.conversations.add(conversation(1, Channel.CHAT), customer(1, 1, "Hello?"));
        desk.vm.start();
        desk.vm.compose().textProperty().set("Good morning, how can I help?");
        desk.conversations.firstToClaim = "dana";

        desk.vm.holder().claim();

        assertEquals(HolderViewModel.Hold.ELSEWHERE, desk.vm.holder().holdProperty().get());
        assertEquals("Dana Doe took this conversation; your draft stays in the box.", desk.vm.holder().whyProperty().get());
        assertEquals("Good morning, how can I help?", desk.vm.compose().textProperty().get());
        assertEquals(List.of(), queue(desk.vm), "a colleague's conversation leaves the agent's queue");
    }

    @Test
    void aConversationTakenOverWhileOnScreenLocksTheBoxWithOneSentence() {
        DeskFakes.Desk desk = desk(AGENT);
        desk.conversations.add(conversation(1, Channel.CHAT), customer(1, 1, "Hello?"));
        desk.conversations.move(1, Kind.CLAIMED, "ann", Team.AGENTS, "ann", null);
        desk.vm.start();
        desk.vm.compose().textProperty().set("Let me check that for you.");

        desk.conversations.move(1, Kind.TAKEN_OVER, "sue", Team.AGENTS, "sue", null);

        assertEquals(HolderViewModel.Hold.ELSEWHERE, desk.vm.holder().holdProperty().get());
        assertEquals("Sue Supervisor has this conversation now; your draft stays in the box.", desk.vm.holder().whyProperty().get());
        assertEquals("Let me check that for you.", desk.vm.compose().textProperty().get());
        assertEquals(List.of(), queue(desk.vm));
    }

    @Test
    void aReplyOnAWaitingConversationClaimsIt() {
        DeskFakes.Desk desk = desk(AGENT);
        desk.conversations.add(conversation(1, Channel.CHAT), customer(1, 1, "Hello?"));
        desk.vm.start();

        desk.vm.compose().textProperty().set("Good morning!");
        desk.vm.compose().send();

        assertEquals(HolderViewModel.Hold.MINE, desk.vm.holder().holdProperty().get());
        assertEquals(List.of("MINE Conversation 1"), queue(desk.vm));
    }

    @Test
    void aReplyRefusedBecauseAColleagueHasItLocksTheBoxAndKeepsTheDraft() {
        DeskFakes.Desk desk = desk(AGENT);
        desk.conversations.add(conversation(1, Channel.CHAT), customer(1, 1, "Hello?"));
        desk.vm.start();
        // Another seat claims it without this desk hearing yet (the office feed is a second behind).
        desk.conversations.assignments.put(1L, app.tandem.conversation.Assignment.heldBy(Team.AGENTS, "dana", CLOCK.instant()));

        desk.vm.compose().textProperty().set("Good morning!");
        desk.vm.compose().send();

        assertEquals("Good morning!", desk.vm.compose().textProperty().get());
        assertEquals(HolderViewModel.Hold.ELSEWHERE, desk.vm.holder().holdProperty().get());
        assertEquals("Dana Doe has this conversation now; your draft stays in the box.", desk.vm.holder().whyProperty().get());
    }

    @Test
    void passingOnShowsTheMoveWithItsNoteAndAChosenColleagueListsOnlineFirst() {
        DeskFakes.Desk desk = desk(AGENT);
        desk.conversations.add(conversation(1, Channel.CHAT), customer(1, 1, "Hello?"));
        desk.conversations.move(1, Kind.CLAIMED, "ann", Team.AGENTS, "ann", null);
        desk.vm.start();
        List<String> offered = new ArrayList<>();
        desk.vm.passOn().colleagues(found -> found.forEach(c -> offered.add(c.displayName())), e -> { });

        desk.vm.passOn().transfer("ben", "Customer wants a mortgage appointment", e -> { });

        assertEquals(List.of("Ben Busy", "Sue Supervisor", "Dana Doe"), offered, "online first, not the agent themself");
        assertEquals(List.of("Ann Agent claimed it", "Ann Agent passed it to Ben Busy: \u201cCustomer wants a mortgage appointment\u201d"),
                desk.vm.holder().moves().stream().map(HolderViewModel.Move::words).toList());
        assertEquals("Ben Busy has this conversation now; your draft stays in the box.", desk.vm.holder().whyProperty().get());
    }

    @Test
    void passingOnAConversationNoLongerHeldIsRefusedInOneSentence() {
        DeskFakes.Desk desk = desk(AGENT);
        desk.conversations.add(conversation(1, Channel.CHAT), customer(1, 1, "Hello?"));
        desk.vm.start();
        List<String> said = new ArrayList<>();

        desk.vm.passOn().release("Back you go", e -> said.add(DeskFakes.ENGLISH.failure(e)));

        assertEquals(List.of("You no longer have this conversation, so it cannot be passed on from here."), said);
    }
}
