package app.tandem.nlp.intent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import app.tandem.ml.train.LinearHead;
import app.tandem.store.Database;
import app.tandem.store.JdbcIntentModelReleases;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model promoted on one seat is the one every seat uses: released to the office database in parts, taken into
 * the other seat's own store byte for byte, never taken back by the seat that released it, never downloaded twice.
 */
class OfficeIntentModelTest {

    @TempDir
    Path tmp;

    @Test
    void aPromotionOnOneSeatIsTheModelOfTheOtherOnH2() throws IOException {
        try (Database db = Database.open(tmp.resolve("office"))) {
            promotionTravels(db);
        }
    }

    @Test
    @Tag("slow") // starts a PostgreSQL server
    void aPromotionOnOneSeatIsTheModelOfTheOtherOnPostgreSql() throws IOException {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(tmp.resolve("pg")).start();
             Database db = Database.connect(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres")) {
            promotionTravels(db);
        }
    }

    private void promotionTravels(Database db) throws IOException {
        IntentModelStore storeA = new IntentModelStore(tmp.resolve("a"));
        IntentModelStore storeB = new IntentModelStore(tmp.resolve("b"));
        OfficeIntentModel seatA = seat(db, storeA, "a");
        OfficeIntentModel seatB = seat(db, storeB, "b");
        assertEquals(Optional.empty(), seatB.follow(), "no release yet");

        // Larger than one part, so the parts are put back together in order.
        byte[] encoder = new byte[(int) (2.5 * (1 << 20))];
        new Random(7).nextBytes(encoder);
        String a1 = version(storeA, encoder);
        storeA.promote(a1);
        seatA.releaseCurrent();

        Optional<String> taken = seatB.follow();
        assertTrue(taken.isPresent());
        assertEquals(taken, storeB.current());
        assertArrayEquals(encoder, Files.readAllBytes(storeB.folder(taken.get()).resolve("encoder/encoder.params")));
        assertArrayEquals(Files.readAllBytes(storeA.folder(a1).resolve(IntentModelStore.HEAD_FILE)),
                Files.readAllBytes(storeB.folder(taken.get()).resolve(IntentModelStore.HEAD_FILE)));
        assertEquals("0.91", storeB.report(taken.get()).get("validation.accuracy"));
        assertEquals(Optional.empty(), seatB.follow(), "taken once");
        assertEquals(Optional.empty(), seatA.follow(), "the seat that released it keeps its own version");
        assertEquals(1, storeA.versions().size());

        // B rolls back to a version of its own, and releases that: A takes it; B's older download is reused.
        String b0 = version(storeB, new byte[10]);
        storeB.promote(b0);
        seatB.releaseCurrent();
        assertEquals(Optional.of("v002"), seatA.follow());
        storeB.promote(taken.get());
        seatB.follow();
        assertEquals(Optional.of(b0), storeB.current(), "the office's model wins over a local promotion not released");
        assertEquals(2, storeB.versions().size());
    }

    @Test
    void aReleaseWhoseFilesWouldLandOutsideItsFolderIsRefused() throws IOException {
        Path zip = tmp.resolve("crafted.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("../../outside.txt"));
            out.write(1);
            out.closeEntry();
        }
        Path folder = Files.createDirectories(tmp.resolve("staging"));
        IOException refused = assertThrows(IOException.class, () -> OfficeIntentModel.unzip(zip, folder));
        assertTrue(refused.getMessage().contains("outside its folder"), refused.getMessage());
        assertFalse(Files.exists(tmp.resolve("outside.txt")));
    }

    private static OfficeIntentModel seat(Database db, IntentModelStore store, String name) {
        return new OfficeIntentModel(store, new PromotedIntentModel(store, Optional::empty),
                new JdbcIntentModelReleases(db.dataSource()), name, Clock.systemUTC());
    }

    private static String version(IntentModelStore store, byte[] encoder) throws IOException {
        Path staging = store.newStaging();
        new LinearHead(List.of("card_lost", "balance"), 2, new float[] {1, 2, 3, 4}, new float[2])
                .write(staging.resolve(IntentModelStore.HEAD_FILE));
        Files.createDirectories(staging.resolve("encoder"));
        try (OutputStream out = Files.newOutputStream(staging.resolve("encoder/encoder.params"))) {
            out.write(encoder);
        }
        return store.commit(staging, Map.of("validation.accuracy", "0.91"));
    }
}
