package app.tandem.store;

import app.tandem.work.DataFailure;
import java.util.Arrays;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;

/**
 * A seat's check that the office database has exactly the schema its Tandem was built for. The server
 * migrates; a seat that migrated too would race it, and a seat running an older Tandem would write rows
 * its schema no longer means. Each mismatch says which side to upgrade.
 */
final class SchemaCheck {

    private SchemaCheck() {}

    static void requireSame(Flyway flyway, Database.Engine engine) {
        MigrationInfoService info = flyway.info();
        String office = info.current() == null ? "empty" : info.current().getVersion().toString();
        MigrationInfo[] pending = info.pending();
        if (pending.length > 0) {
            // An H2 office is upgraded by tandem server as it starts; a PostgreSQL one by its administrator's tandem migrate.
            String upgrade = engine == Database.Engine.H2
                    ? "upgrade Tandem where the office database is served (it upgrades the database when it starts)"
                    : "ask the office database's administrator to run tandem migrate with this Tandem version";
            throw StoreException.refusal("The office database has schema " + office + " and this Tandem needs schema "
                    + pending[pending.length - 1].getVersion() + ": " + upgrade + ", then start this seat again.",
                    DataFailure.Kind.SCHEMA_DIFFERS);
        }
        boolean newer = Arrays.stream(info.all()).anyMatch(m -> m.getState() == MigrationState.FUTURE_SUCCESS);
        if (newer) {
            throw StoreException.refusal("The office database has schema " + office + ", newer than this Tandem knows: "
                    + "install the office's Tandem version on this PC.", DataFailure.Kind.SCHEMA_DIFFERS);
        }
        flyway.validate();
    }
}
