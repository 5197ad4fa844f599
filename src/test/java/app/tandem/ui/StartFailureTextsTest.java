package app.tandem.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.ui.common.Texts;
import app.tandem.work.DataFolderInUseException;
import app.tandem.work.StartFailedException;
import app.tandem.work.StartFailure;
import app.tandem.work.StartFailure.Reason;
import app.tandem.work.StartStep;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** "Tandem could not start" says what failed, where, and what to do, in English and in Chinese. */
class StartFailureTextsTest {

    private static final Texts EN = Texts.of(Locale.ENGLISH);
    private static final Texts ZH = Texts.of(Locale.SIMPLIFIED_CHINESE);
    private static final Path DATABASE = Path.of("/home/ann/.tandem/tandem.mv.db");
    private static final Path LOG = Path.of("/home/ann/.tandem/logs/tandem.log");

    private static String words(Texts texts, Reason reason, StartStep step, Path where) {
        StartFailure failure = new StartFailure(reason, step, where, "the detail.", Optional.of(LOG));
        return DeskUi.startFailure(texts, new StartFailedException(failure, null));
    }

    @Test
    void eachReasonIsASentenceInBothLanguagesThatNamesThePlace() {
        for (Texts texts : new Texts[] {EN, ZH}) {
            for (Reason reason : Reason.values()) {
                for (StartStep step : StartStep.values()) {
                    String sentence = words(texts, reason, step, DATABASE);
                    assertFalse(sentence.contains("startup."), "no bundle key left: " + sentence);
                    assertFalse(sentence.contains("{"), "every argument filled in: " + sentence);
                    assertFalse(sentence.equals(texts.get("error.unknown")), sentence);
                    if (reason != Reason.UNKNOWN) {
                        assertTrue(sentence.contains(DATABASE.toString()), "names the place: " + sentence);
                    }
                }
            }
        }
    }

    @Test
    void failuresThePersonCannotFixAloneSayWhereTheLogIs() {
        for (Reason reason : new Reason[] {Reason.DATABASE_NOT_OPENED, Reason.MIGRATION_FAILED, Reason.INDEX_FAILED, Reason.UNKNOWN}) {
            assertTrue(words(EN, reason, StartStep.OPENING_DATABASE, DATABASE).endsWith("The log " + LOG + " has the details."), reason.name());
            assertTrue(words(ZH, reason, StartStep.OPENING_DATABASE, DATABASE).endsWith("详细信息见日志 " + LOG + "。"), reason.name());
        }
        StartFailure noLog = new StartFailure(Reason.UNKNOWN, StartStep.LOADING, DATABASE, "x", Optional.empty());
        assertTrue(DeskUi.startFailure(EN, new StartFailedException(noLog, null)).endsWith(EN.get("startup.noLogFile")));
    }

    @Test
    void theSentencesReadAsWritten() {
        assertEquals("The database " + DATABASE + " could not be opened (the detail). Close any other program that uses it, "
                + "or restore the file from a backup. The log " + LOG + " has the details.",
                words(EN, Reason.DATABASE_NOT_OPENED, StartStep.OPENING_DATABASE, DATABASE));
        assertEquals("Tandem stopped while loading the knowledge base and sample customers (the detail). Start it again; "
                + "if that fails too, give the log to your administrator. The log " + LOG + " has the details.",
                words(EN, Reason.UNKNOWN, StartStep.LOADING, DATABASE));
        assertEquals("Tandem 在重建搜索索引时停止（the detail）。请重新启动；如果仍然失败，请将日志交给管理员。详细信息见日志 " + LOG + "。",
                words(ZH, Reason.UNKNOWN, StartStep.REBUILDING_INDEX, DATABASE));
        assertEquals("The disk that holds /data is full. Free some space on it, then start Tandem again.",
                words(EN, Reason.DISK_FULL, StartStep.LOADING, Path.of("/data")));
    }

    @Test
    void aFailureTheBackendDidNotDiagnoseIsSaidAsBefore() {
        DataFolderInUseException inUse = new DataFolderInUseException(Path.of("/data"));
        assertEquals(EN.failure(inUse), DeskUi.startFailure(EN, inUse));
        assertEquals(ZH.get("error.unknown"), DeskUi.startFailure(ZH, new IllegalStateException()));
    }
}
