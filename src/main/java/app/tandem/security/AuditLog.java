package app.tandem.security;

import java.time.Instant;
import java.util.List;

/** An append-only record of who did what: sign-ins, lock-outs, KB publishing, exports. */
public interface AuditLog {

    record Entry(Instant at, String actor, String action, String target, String detail) {}

    void record(String actor, String action, String target, String detail);

    List<Entry> latest(int limit);
}
