package app.tandem.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.Appender;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The desk's log file: in the data folder, redacted like the console. */
class DeskLogTest {

    @Test
    void theDeskLogsIntoTheDataFolderWithPersonalDataMasked(@TempDir Path folder) throws IOException {
        Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        try {
            Optional<Path> file = DeskLog.start(folder);
            assertEquals(Optional.of(folder.resolve("logs").resolve("tandem.log")), file);
            assertEquals(file, DeskLog.start(folder), "started once");
            LoggerFactory.getLogger(DeskLogTest.class).warn("Customer paid with 4539 1488 0343 6467");
            String written = Files.readString(file.get(), StandardCharsets.UTF_8);
            assertTrue(written.contains("Customer paid with [card]"), written);
            assertFalse(written.contains("4539"), written);
        } finally {
            Appender<?> appender = root.getAppender(DeskLog.APPENDER);
            if (appender != null) {
                root.detachAppender(DeskLog.APPENDER);
                appender.stop();
            }
        }
    }
}
