package app.tandem.ui.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.assist.AllowlistEntry;
import app.tandem.security.Role;
import app.tandem.security.User;
import app.tandem.ui.MainWindow;
import app.tandem.ui.TestBackend;
import app.tandem.ui.common.CurrentThreadTaskExecutor;
import app.tandem.ui.common.Texts;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Supervisors curate the Smart Reply allowlist from the side panel; agents cannot. */
class AllowlistCurationViewModelTest {

    @TempDir
    Path folder;

    @Test
    void supervisorAllowsAndDeletesAnAgentCannot() {
        try (TestBackend backend = TestBackend.start(folder)) {
            User admin = backend.services.accounts().createFirstAdmin("admin", "Ada Admin", "correct horse".toCharArray());
            User agent = backend.services.accounts().createUser("admin", "ann", "Ann", Role.AGENT, "correct horse".toCharArray());
            // No encoders in this backend: entries are built by exact text, without vectors.
            backend.tandem.smartReplies.rebuildFromHistory();
            DeskViewModel vm = MainWindow.deskViewModel(backend.services, admin, new CurrentThreadTaskExecutor(),
                    Texts.of(Locale.ENGLISH), Clock.systemDefaultZone());
            assertTrue(vm.allowlist().canCurate());
            List<AllowlistEntry> shown = new ArrayList<>();
            vm.allowlist().load(shown::addAll);
            assertFalse(shown.isEmpty(), "built from the sample customers' history");
            AllowlistEntry first = shown.get(0);
            List<AllowlistEntry> after = new ArrayList<>();
            vm.allowlist().curate(first.id(), Optional.of(AllowlistEntry.Status.ALLOWED), after::addAll);
            assertEquals(AllowlistEntry.Status.ALLOWED, after.stream().filter(e -> e.id() == first.id()).findFirst().orElseThrow().status());
            List<AllowlistEntry> afterDelete = new ArrayList<>();
            vm.allowlist().curate(first.id(), Optional.empty(), afterDelete::addAll);
            assertTrue(afterDelete.stream().noneMatch(e -> e.id() == first.id()));

            DeskViewModel agentVm = MainWindow.deskViewModel(backend.services, agent, new CurrentThreadTaskExecutor(),
                    Texts.of(Locale.ENGLISH), Clock.systemDefaultZone());
            assertFalse(agentVm.allowlist().canCurate());
        }
    }
}
