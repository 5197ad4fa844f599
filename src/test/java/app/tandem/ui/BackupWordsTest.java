package app.tandem.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import app.tandem.backup.BackupRefusedException;
import app.tandem.ui.common.Texts;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Each reason a backup is refused reads in the desk's English as the command line says it, and has its Chinese. */
class BackupWordsTest {

    @Test
    void everyRefusalHasItsWordsInBothLanguages() {
        Texts en = Texts.of(Locale.ENGLISH);
        Texts zh = Texts.of(Locale.SIMPLIFIED_CHINESE);
        for (BackupRefusedException.Reason reason : BackupRefusedException.Reason.values()) {
            BackupRefusedException refused = new BackupRefusedException(reason, "/media/usb/office.zip", "2", "1", "0");
            assertEquals(refused.getMessage(), BackupDialog.words(en, refused), reason.name());
            String chinese = BackupDialog.words(zh, refused);
            assertFalse(chinese.startsWith("failure.backup.") || chinese.equals(refused.getMessage()), reason + ": " + chinese);
        }
    }
}
