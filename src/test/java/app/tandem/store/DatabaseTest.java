package app.tandem.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

    @TempDir
    Path tmp;

    @Test
    void commitsReachTheFileBeforeTheyReturn() throws SQLException {
        try (Database db = Database.open(tmp); Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")) {
            rs.next();
            assertEquals("0", rs.getString(1));
        }
    }

    @Test
    void closingTwiceIsHarmless() {
        // The shutdown hook and Tandem's own close may both come; the second must be a no-op.
        Database db = Database.open(tmp);
        db.close();
        db.close();
        try (Database again = Database.open(tmp)) {
            assertEquals(tmp.toAbsolutePath().resolve("tandem.mv.db"), again.file());
        }
    }
}
