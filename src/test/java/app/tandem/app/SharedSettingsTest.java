package app.tandem.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.tandem.assist.AllowlistEntry;
import app.tandem.assist.Macro;
import app.tandem.office.SharedSetting;
import app.tandem.store.Database;
import app.tandem.store.JdbcAllowlistRepository;
import app.tandem.store.JdbcMacroRepository;
import app.tandem.store.JdbcSharedSettingStamps;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A supervisor's change on one seat makes the other seats re-read that setting, and only that one. */
class SharedSettingsTest {

    @TempDir
    Path folder;

    @Test
    void aSettingChangedElsewhereIsReReadOnceAndTheOthersAreLeftAlone() {
        try (Database db = Database.open(folder)) {
            AtomicInteger macrosReread = new AtomicInteger();
            AtomicInteger allowlistReread = new AtomicInteger();
            SharedSettings seat = new SharedSettings(new JdbcSharedSettingStamps(db.dataSource()), Map.of(
                    SharedSetting.MACROS, macrosReread::incrementAndGet,
                    SharedSetting.ALLOWLIST, allowlistReread::incrementAndGet));
            assertEquals(0, seat.follow(), "the first look only notes where the counters stand");

            JdbcMacroRepository otherSeatsMacros = new JdbcMacroRepository(db.dataSource());
            Macro saved = otherSeatsMacros.save(new Macro(0, "en", "Card on its way", "Your card arrives within 5 days.",
                    List.of("where is my card"), List.of(), Macro.Moment.ANY_TIME, true));
            assertEquals(1, seat.follow());
            assertEquals(1, macrosReread.get());
            assertEquals(0, allowlistReread.get());
            assertEquals(0, seat.follow(), "nothing changed since");

            otherSeatsMacros.delete(saved.id());
            JdbcAllowlistRepository otherSeatsAllowlist = new JdbcAllowlistRepository(db.dataSource());
            otherSeatsAllowlist.replaceUnreviewed(List.of(new AllowlistEntry(0, "en", "Your card is on its way.",
                    AllowlistEntry.Status.UNREVIEWED, 3, List.of("where is my card"))));
            long id = otherSeatsAllowlist.all().get(0).id();
            otherSeatsAllowlist.setStatus(id, AllowlistEntry.Status.ALLOWED, "sam");
            assertEquals(2, seat.follow());
            assertEquals(2, macrosReread.get());
            assertEquals(1, allowlistReread.get(), "two allowlist writes between looks are one re-read");
        }
    }

    @Test
    void aReloadThatFailsIsTriedAgainAtTheNextLook() {
        try (Database db = Database.open(folder)) {
            AtomicInteger attempts = new AtomicInteger();
            SharedSettings seat = new SharedSettings(new JdbcSharedSettingStamps(db.dataSource()), Map.of(
                    SharedSetting.MACROS, () -> {
                        if (attempts.incrementAndGet() == 1) {
                            throw new IllegalStateException("encoders still loading");
                        }
                    }));
            seat.follow();
            new JdbcMacroRepository(db.dataSource()).save(new Macro(0, "en", "Hello", "Hello!", List.of("hi"), List.of(),
                    Macro.Moment.OPENING, true));
            assertEquals(0, seat.follow());
            assertEquals(1, seat.follow());
            assertEquals(2, attempts.get());
        }
    }
}
