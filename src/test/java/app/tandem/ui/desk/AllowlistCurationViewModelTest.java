package app.tandem.ui.desk;

import static app.tandem.ui.desk.DeskFakes.AGENT;
import static app.tandem.ui.desk.DeskFakes.ENGLISH;
import static app.tandem.ui.desk.DeskFakes.NOWHERE;
import static app.tandem.ui.desk.DeskFakes.SUPERVISOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.assist.AllowlistEntry;
import app.tandem.security.Role;
import app.tandem.security.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Supervisors curate the Smart Reply allowlist from the side panel; agents cannot. Over an allowlist in memory. */
class AllowlistCurationViewModelTest {

    static final User ADMIN = new User(1, "admin", "Ada Admin", Role.ADMIN, 0, Optional.empty());

    private static AllowlistCurationViewModel curation(DeskFakes.Allowlist allowlist, User user) {
        return new AllowlistCurationViewModel(Optional.of(allowlist), user, new DeskFakes.Tasks(), NOWHERE, ENGLISH, e -> {
            throw new AssertionError(e);
        });
    }

    @Test
    void supervisorAllowsAndDeletesAnAgentCannot() {
        DeskFakes.Allowlist allowlist = new DeskFakes.Allowlist();
        allowlist.add(1, "Happy to help.");
        allowlist.add(2, "Your card is on its way.");
        AllowlistCurationViewModel vm = curation(allowlist, ADMIN);
        assertTrue(vm.canCurate());
        List<AllowlistEntry> shown = new ArrayList<>();
        vm.load(shown::addAll);
        assertFalse(shown.isEmpty(), "the allowlist's entries");
        AllowlistEntry first = shown.get(0);
        List<AllowlistEntry> after = new ArrayList<>();
        vm.curate(first.id(), Optional.of(AllowlistEntry.Status.ALLOWED), after::addAll);
        assertEquals(AllowlistEntry.Status.ALLOWED, after.stream().filter(e -> e.id() == first.id()).findFirst().orElseThrow().status());
        assertEquals(List.of("admin"), allowlist.changedBy, "allowed in the supervisor's name");
        List<AllowlistEntry> afterDelete = new ArrayList<>();
        vm.curate(first.id(), Optional.empty(), afterDelete::addAll);
        assertTrue(afterDelete.stream().noneMatch(e -> e.id() == first.id()));
        assertEquals(1, afterDelete.size(), "the other entry stays");

        AllowlistCurationViewModel agentVm = curation(allowlist, AGENT);
        assertFalse(agentVm.canCurate());
        List<AllowlistEntry> agentGot = new ArrayList<>();
        agentVm.curate(2, Optional.of(AllowlistEntry.Status.BLOCKED), agentGot::addAll);
        assertTrue(agentGot.isEmpty(), "an agent's curation does nothing");
        assertEquals(AllowlistEntry.Status.UNREVIEWED, allowlist.entries().get(0).status());
    }

    @Test
    void aSupervisorBlocksAndNobodyCuratesWithoutAnAllowlist() {
        DeskFakes.Allowlist allowlist = new DeskFakes.Allowlist();
        allowlist.add(7, "Happy to help.");
        List<AllowlistEntry> after = new ArrayList<>();
        curation(allowlist, SUPERVISOR).curate(7, Optional.of(AllowlistEntry.Status.BLOCKED), after::addAll);
        assertEquals(AllowlistEntry.Status.BLOCKED, after.get(0).status());
        assertEquals(List.of("sue"), allowlist.changedBy);

        AllowlistCurationViewModel none = new AllowlistCurationViewModel(Optional.empty(), SUPERVISOR, new DeskFakes.Tasks(), NOWHERE,
                ENGLISH, e -> {
                    throw new AssertionError(e);
                });
        assertFalse(none.canCurate(), "no Smart Replies in this desk's assistant");
        List<AllowlistEntry> loaded = new ArrayList<>();
        loaded.add(null);
        none.load(list -> {
            loaded.clear();
            loaded.addAll(list);
        });
        assertTrue(loaded.isEmpty(), "an empty list, not a failure");
    }
}
