package app.tandem.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.ui.UiSettings.Theme;
import app.tandem.ui.UiSettings.UiLanguage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A damaged {@code settings.properties} never stops Tandem from starting (issue 16): too large a file is not read,
 * a binary one keeps the keys that can be read, a value out of range falls back for that key alone.
 */
class UiSettingsTest {

    private static final UiSettings DEFAULTS = UiSettings.defaults(Locale.ENGLISH);

    @TempDir
    Path tmp;

    @Test
    void aFileOf64KbIsReadAndOneByteMoreIsNot() throws IOException {
        Path file = tmp.resolve("settings.properties");
        String keys = "ui.theme=DARK\nui.language=CHINESE\n";
        String padding = "#" + "x".repeat((int) UiSettings.MAX_FILE_BYTES - keys.length() - 2) + "\n";
        Files.writeString(file, padding + keys);
        assertEquals(UiSettings.MAX_FILE_BYTES, Files.size(file));
        assertEquals(new UiSettings(Theme.DARK, UiLanguage.CHINESE), UiSettings.load(file, Locale.ENGLISH));

        Files.writeString(file, "#" + padding + keys);
        assertEquals(DEFAULTS, UiSettings.load(file, Locale.ENGLISH));
    }

    @Test
    void aBinaryFileKeepsTheKeysThatCanBeRead() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(new byte[] {0, (byte) 0xff, (byte) 0xfe, 7, '\n'});
        bytes.write("ui.theme=DARK\n".getBytes(StandardCharsets.UTF_8));
        bytes.write(new byte[] {(byte) 0xc3, 0, '=', (byte) 0x80, '\n'});
        Path file = Files.write(tmp.resolve("settings.properties"), bytes.toByteArray());
        assertEquals(new UiSettings(Theme.DARK, DEFAULTS.language()), UiSettings.load(file, Locale.ENGLISH));
    }

    @Test
    void aValueOutOfRangeFallsBackForItsKeyAlone() throws IOException {
        Path file = Files.writeString(tmp.resolve("settings.properties"), "ui.theme=PURPLE\nui.language=CHINESE\nother=kept\n");
        assertEquals(new UiSettings(Theme.LIGHT, UiLanguage.CHINESE), UiSettings.load(file, Locale.ENGLISH));

        Files.writeString(file, "ui.theme=DARK\nbroken=\\uZZZZ\n");
        assertEquals(DEFAULTS, UiSettings.load(file, Locale.ENGLISH), "a broken escape: the whole file is unreadable");
    }

    @Test
    void savingOverADamagedFileWritesTheSettingsAndKeepsWhatWasReadable() throws IOException {
        Path file = tmp.resolve("settings.properties");
        Files.writeString(file, "#" + "x".repeat((int) UiSettings.MAX_FILE_BYTES) + "\nother=lost\n");
        new UiSettings(Theme.DARK, UiLanguage.CHINESE).save(file);
        assertEquals(new UiSettings(Theme.DARK, UiLanguage.CHINESE), UiSettings.load(file, Locale.ENGLISH));

        Files.writeString(file, "other=kept\nui.theme=PURPLE\n");
        DEFAULTS.save(file);
        assertTrue(Files.readString(file).contains("other=kept"));
        assertEquals(DEFAULTS, UiSettings.load(file, Locale.ENGLISH));
    }
}
