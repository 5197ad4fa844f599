package app.tandem.store;

import app.tandem.backup.BackupRefusedException;
import app.tandem.backup.DatabaseCopies;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.sql.DataSource;

/**
 * Backups' side of H2. The live copy is H2's {@code BACKUP TO}: it copies the MVStore file while writes go on (H2
 * stops reusing free space during the copy, so the pages it reads are not overwritten) and the copy opens at the last
 * commit written before it was taken, which with {@code WRITE_DELAY=0} includes every acknowledged one. It was chosen
 * over {@code SCRIPT TO} because the copy is a database ready to open, not SQL to replay on restore, and it does not
 * read table by table (docs/experiments/durability.md has both measured).
 */
public final class H2DatabaseCopies implements DatabaseCopies {

    private final Optional<DataSource> live;
    /** A seat's database is the office server's: BACKUP TO would write on that PC, and a seat may not run it. */
    private final boolean seat;

    private H2DatabaseCopies(Optional<DataSource> live, boolean seat) {
        this.live = live;
        this.seat = seat;
    }

    /** Copies of {@code database} while it is open, and checks of other copies. */
    public static H2DatabaseCopies of(Database database) {
        return new H2DatabaseCopies(Optional.of(database.dataSource()), !database.embedded());
    }

    /** Checks and restores only: there is no live database to copy. */
    public static H2DatabaseCopies withoutLiveDatabase() {
        return new H2DatabaseCopies(Optional.empty(), false);
    }

    @Override
    public Contents copyLive(Path folder) {
        if (seat) {
            throw new BackupRefusedException(BackupRefusedException.Reason.ON_THE_OFFICE_SERVER);
        }
        DataSource source = live.orElseThrow(() -> new IllegalStateException("No open database to copy"));
        Path zip = folder.resolve("h2-backup.zip");
        try (Connection c = source.getConnection(); Statement s = c.createStatement()) {
            // BACKUP TO takes no parameter; the path is ours (a temporary folder), quotes doubled all the same.
            s.execute("BACKUP TO '" + zip.toAbsolutePath().toString().replace("'", "''") + "'");
        } catch (SQLException e) {
            throw StoreException.from("copy the database", e);
        }
        try {
            unzipDatabase(zip, folder.resolve(FILE_NAME));
            Files.delete(zip);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return contents(folder);
    }

    @Override
    public Contents openCopy(Path folder) {
        Contents before = contents(folder);
        try {
            Database.open(folder).close();
        } catch (StoreException e) {
            if (String.valueOf(e.getMessage()).contains("not resolved locally")) {
                throw new StoreException("it was made by a newer version of Tandem (database version "
                        + before.schemaVersion() + ")", e);
            }
            throw e;
        }
        return before;
    }

    /** Rows per table and the schema version, read from the database file in {@code folder}, which is then closed. */
    private static Contents contents(Path folder) {
        // IFEXISTS: a missing file is an error here, never a new empty database.
        try (Connection c = DriverManager.getConnection(Database.url(folder) + ";IFEXISTS=TRUE;DB_CLOSE_ON_EXIT=FALSE", "tandem", "");
             Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES "
                    + "WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_TYPE = 'BASE TABLE'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            SortedMap<String, Long> counts = new TreeMap<>();
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM \"PUBLIC\".\"" + table.replace("\"", "\"\"") + "\"")) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
            String version = "";
            if (tables.contains("flyway_schema_history")) {
                try (ResultSet rs = s.executeQuery("SELECT \"version\" FROM \"flyway_schema_history\" "
                        + "WHERE \"success\" AND \"version\" IS NOT NULL ORDER BY \"installed_rank\" DESC LIMIT 1")) {
                    if (rs.next()) {
                        version = rs.getString(1);
                    }
                }
            }
            // Closed now, not with the last connection's garbage: the file is zipped or moved next.
            s.execute("SHUTDOWN");
            return new Contents(version, counts);
        } catch (SQLException e) {
            throw StoreException.from("read the database copy", e);
        }
    }

    private static void unzipDatabase(Path zip, Path target) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(FILE_NAME)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    return;
                }
            }
        }
        throw new IOException("H2's backup of the database holds no " + FILE_NAME);
    }
}
