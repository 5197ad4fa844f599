package app.tandem.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The desk's encoder leaves a core to the window unless told otherwise. */
class EncoderSettingsTest {

    @AfterEach
    void clearProperty() {
        System.clearProperty(EncoderSettings.INTRA_OP_THREADS_PROPERTY);
    }

    @Test
    void leavesOneCoreToTheWindow() {
        int cores = Runtime.getRuntime().availableProcessors();
        assertEquals(Math.max(1, cores - 1), EncoderSettings.defaults(Optional.empty()).intraOpThreads());
    }

    @Test
    void aMeasurementCanChooseTheThreads() {
        System.setProperty(EncoderSettings.INTRA_OP_THREADS_PROPERTY, "3");
        assertEquals(3, EncoderSettings.defaults(Optional.empty()).intraOpThreads());
        System.setProperty(EncoderSettings.INTRA_OP_THREADS_PROPERTY, "0");
        assertThrows(IllegalArgumentException.class, () -> EncoderSettings.defaults(Optional.empty()));
    }
}
