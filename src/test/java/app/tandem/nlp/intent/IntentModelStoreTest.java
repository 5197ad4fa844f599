package app.tandem.nlp.intent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.ml.train.LinearHead;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Versions: staging never shows, promotion moves "current", rollback restores the previous one. */
class IntentModelStoreTest {

    private static String version(IntentModelStore store, String accuracy) throws IOException {
        Path staging = store.newStaging();
        new LinearHead(List.of("a", "b"), 2, new float[4], new float[2]).write(staging.resolve(IntentModelStore.HEAD_FILE));
        return store.commit(staging, Map.of("validation.accuracy", accuracy));
    }

    @Test
    void promoteAndRollBack(@TempDir Path dir) throws IOException {
        IntentModelStore store = new IntentModelStore(dir.resolve("intent"));
        assertEquals(Optional.empty(), store.current());
        String v1 = version(store, "0.90");
        assertEquals("v001", v1);
        assertEquals(Optional.empty(), store.current(), "a new version is not current until promoted");
        store.promote(v1);
        String v2 = version(store, "0.93");
        store.promote(v2);
        assertEquals(Optional.of("v002"), store.current());
        assertEquals(Optional.of("v001"), store.rollback());
        assertEquals(Optional.of("v001"), store.current());
        assertTrue(Files.isDirectory(store.folder("v002")), "rolled-back versions stay on disk");
        assertEquals(Optional.empty(), store.rollback(), "nothing before v001");
        assertEquals(Optional.of("v001"), store.current());
        assertEquals(List.of("v002", "v001"), store.versions().stream().map(IntentModelStore.Version::id).toList());
        assertTrue(store.versions().get(1).current());
        assertEquals(Optional.of(0.93), store.versions().get(0).validationAccuracy());
    }

    @Test
    void leftoverStagingFromACrashIsNeverAVersionAndIsCleanedUp(@TempDir Path dir) throws IOException {
        IntentModelStore store = new IntentModelStore(dir.resolve("intent"));
        Path crashed = store.newStaging();
        Files.writeString(crashed.resolve("head.bin"), "half written");
        assertTrue(store.versions().isEmpty());
        store.newStaging();
        assertFalse(Files.exists(crashed));
        try (Stream<Path> s = Files.list(store.root())) {
            assertEquals(1, s.count());
        }
    }
}
