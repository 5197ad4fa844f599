package app.tandem.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void everyWriteToTheFileIsForcedToTheDisk() throws SQLException {
        // A power cut loses what sits in the operating system's cache: the file must be opened through forced:.
        try (Database db = Database.open(tmp); Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT DATABASE_PATH()")) {
            rs.next();
            assertTrue(rs.getString(1).startsWith("forced:"), rs.getString(1));
            s.execute("CREATE TABLE probe(id INT)");
            s.execute("INSERT INTO probe VALUES (1)");
        }
        try (Database db = Database.open(tmp); Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM probe")) {
            rs.next();
            assertEquals(1, rs.getInt(1));
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
