package app.tandem.ui.desk;

import app.tandem.assist.AllowlistEntry;
import app.tandem.assist.SmartReplies;
import app.tandem.security.Role;
import app.tandem.security.User;
import app.tandem.ui.common.TaskExecutor;
import app.tandem.ui.common.Texts;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Supervisors curate the Smart Reply allowlist from the side panel: allow, block or delete entries. A deleted
 * entry still on screen as a suggestion is withdrawn from the panel when the agent inserts or sends it.
 */
public final class AllowlistCurationViewModel {

    /** The Smart Reply allowlist; all of it may block. */
    public interface Allowlist {
        List<AllowlistEntry> entries();

        void allow(long entryId, String supervisor);

        void block(long entryId, String supervisor);

        void delete(long entryId);

        static Allowlist of(SmartReplies smart) {
            return new Allowlist() {
                @Override
                public List<AllowlistEntry> entries() {
                    return smart.entries();
                }

                @Override
                public void allow(long entryId, String supervisor) {
                    smart.allow(entryId, supervisor);
                }

                @Override
                public void block(long entryId, String supervisor) {
                    smart.block(entryId, supervisor);
                }

                @Override
                public void delete(long entryId) {
                    smart.delete(entryId);
                }
            };
        }
    }

    private final Optional<Allowlist> allowlist;
    private final User user;
    private final TaskExecutor tasks;
    private final Executor io;
    private final Texts texts;
    private final Consumer<Throwable> failures;

    /** {@code allowlist}: empty when this desk's assistant has none. */
    public AllowlistCurationViewModel(Optional<Allowlist> allowlist, User user, TaskExecutor tasks, Executor io, Texts texts,
                                      Consumer<Throwable> failures) {
        this.allowlist = allowlist;
        this.user = user;
        this.tasks = tasks;
        this.io = io;
        this.texts = texts;
        this.failures = failures;
    }

    /** True when the signed-in person may allow or block Smart Reply entries. */
    public boolean canCurate() {
        return user.role().atLeast(Role.SUPERVISOR) && allowlist.isPresent();
    }

    /** The Smart Reply allowlist; {@code onResult} runs on the UI thread. */
    public void load(Consumer<List<AllowlistEntry>> onResult) {
        tasks.execute(texts.get("activity.feedback"), io, () -> allowlist.map(Allowlist::entries).orElse(List.of()), onResult,
                failures::accept);
    }

    /**
     * Allows, blocks or (status empty) deletes an allowlist entry, then reloads the list into {@code onResult}.
     * Supervisors only.
     */
    public void curate(long entryId, Optional<AllowlistEntry.Status> status, Consumer<List<AllowlistEntry>> onResult) {
        if (!canCurate()) {
            return;
        }
        String who = user.username();
        Allowlist smart = allowlist.orElseThrow();
        tasks.execute(texts.get("activity.feedback"), io, () -> {
            if (status.isEmpty()) {
                smart.delete(entryId);
            } else if (status.get() == AllowlistEntry.Status.ALLOWED) {
                smart.allow(entryId, who);
            } else {
                smart.block(entryId, who);
            }
            return smart.entries();
        }, onResult, failures::accept);
    }
}
