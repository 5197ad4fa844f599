package app.tandem.app;

import app.tandem.store.Database;
import app.tandem.store.StoreException;
import app.tandem.ui.signin.OfficeJoining;
import app.tandem.work.DataFailure;
import app.tandem.work.JoinRefusedException;
import app.tandem.work.JoinRefusedException.Reason;
import java.nio.file.Path;

/** The sign-in screen's "Join an office…" for a solo desk: what {@code tandem join HOST[:PORT]} does, from the window. */
final class OfficeJoin implements OfficeJoining {

    private final Path dataFolder;
    private final boolean solo;
    private final boolean newFolder;

    OfficeJoin(Path dataFolder, boolean solo, boolean newFolder) {
        this.dataFolder = dataFolder;
        this.solo = solo;
        this.newFolder = newFolder;
    }

    @Override
    public boolean offered() {
        return solo;
    }

    @Override
    public boolean newFolder() {
        return solo && newFolder;
    }

    @Override
    public String join(String server, String key) {
        String address = server == null ? "" : server.strip();
        if (key == null || key.isBlank()) {
            throw new JoinRefusedException(Reason.NO_KEY);
        }
        OfficeSeat seat;
        try {
            seat = OfficeSeat.of(address, key);
        } catch (IllegalArgumentException e) {
            throw new JoinRefusedException(Reason.BAD_ADDRESS, address, e.getMessage());
        }
        // Opened before it is kept: a wrong key or another version is said now, not at the restart.
        try (Database office = seat.open()) {
            seat.save(dataFolder);
        } catch (StoreException e) {
            if (e.kind() == DataFailure.Kind.KEY_REFUSED) {
                throw new JoinRefusedException(Reason.KEY_REFUSED, address);
            }
            if (e.kind() == DataFailure.Kind.SCHEMA_DIFFERS) {
                throw new JoinRefusedException(Reason.OTHER_VERSION, address, e.getMessage());
            }
            if (e.kind() == DataFailure.Kind.OFFICE_NOT_ANSWERING) {
                throw new JoinRefusedException(Reason.NOT_ANSWERING, address);
            }
            throw e;
        }
        return seat.describe();
    }
}
