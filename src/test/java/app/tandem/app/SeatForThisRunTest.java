package app.tandem.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tandem --server} and {@code --database} for one run: where the key or credentials come from, never the command line. */
class SeatForThisRunTest {

    @TempDir
    Path folder;

    @Test
    void theKeyComesFromTheJoinedSameServerElseTheEnvironmentElseASentenceSaysHowToGiveIt() {
        new OfficeSeat("branch-pc", 9092, "SAVED-KEY").save(folder);
        assertEquals("SAVED-KEY", OfficeSeat.forThisRun("BRANCH-PC", folder, Map.of(OfficeSeat.KEY_VARIABLE, "ENV-KEY")).key());
        assertEquals("ENV-KEY", OfficeSeat.forThisRun("other-pc:9300", folder, Map.of(OfficeSeat.KEY_VARIABLE, "ENV-KEY")).key());
        assertEquals("No office key for other-pc:9300: run tandem join other-pc:9300 once (it asks for the key and keeps it), "
                + "or set TANDEM_OFFICE_KEY.", assertThrows(IllegalArgumentException.class,
                () -> OfficeSeat.forThisRun("other-pc:9300", folder, Map.of())).getMessage());
    }

    @Test
    void aDatabaseJoinedBeforeKeepsItsCredentialsFileForARunThatNamesIt() {
        Path credentials = folder.resolve("pg.properties");
        new PostgreSqlSeat("jdbc:postgresql://db/tandem", Optional.of(credentials)).save(folder);
        assertEquals(Optional.of(credentials), PostgreSqlSeat.forThisRun("jdbc:postgresql://db/tandem", Optional.empty(), folder).credentials());
        assertEquals(Optional.empty(), PostgreSqlSeat.forThisRun("jdbc:postgresql://db/other", Optional.empty(), folder).credentials(),
                "another database reads the environment");
    }
}
