package app.tandem.ui;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The person's theme and UI language, kept in the data folder's settings file. */
public record UiSettings(Theme theme, UiLanguage language) {

    private static final Logger log = LoggerFactory.getLogger(UiSettings.class);
    /**
     * Larger settings files are not read: the file holds two short keys (a few hundred bytes with its comment), and
     * Properties would hold all of a huge one in memory at every start.
     */
    static final long MAX_FILE_BYTES = 64 * 1024;

    /** Light or dark: AtlantaFX's Primer pair. */
    public enum Theme { LIGHT, DARK }

    /** The languages the UI speaks. */
    public enum UiLanguage {
        ENGLISH(Locale.ENGLISH), CHINESE(Locale.SIMPLIFIED_CHINESE);

        private final Locale locale;

        UiLanguage(Locale locale) {
            this.locale = locale;
        }

        public Locale locale() {
            return locale;
        }

        static UiLanguage forSystem(Locale system) {
            return "zh".equals(system.getLanguage()) ? CHINESE : ENGLISH;
        }
    }

    public static UiSettings defaults(Locale system) {
        return new UiSettings(Theme.LIGHT, UiLanguage.forSystem(system));
    }

    /**
     * Reads the file; anything missing, unreadable or out of range falls back to the default for {@code system}, key by
     * key, with one warning in the log: a damaged settings file must never stop Tandem from starting.
     */
    public static UiSettings load(Path file, Locale system) {
        UiSettings defaults = defaults(system);
        Properties p = read(file);
        return new UiSettings(parse(file, "ui.theme", Theme.class, p.getProperty("ui.theme"), defaults.theme()),
                parse(file, "ui.language", UiLanguage.class, p.getProperty("ui.language"), defaults.language()));
    }

    /** Writes the UI keys, keeping whatever else the file holds when it can be read. */
    public void save(Path file) {
        Properties p = read(file);
        p.setProperty("ui.theme", theme.name());
        p.setProperty("ui.language", language.name());
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                p.store(out, "Tandem settings");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save settings to " + file, e);
        }
    }

    /**
     * The file's keys, or none when it is absent, too large or unreadable. Bytes that are not UTF-8 (a binary file, a
     * file saved in another encoding) become replacement characters, so the keys that are readable are kept.
     */
    private static Properties read(Path file) {
        Properties p = new Properties();
        try {
            if (!Files.isRegularFile(file)) {
                return p;
            }
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                log.warn("Settings file {} is {} KB, more than the {} KB a settings file can be: using the default settings",
                        file, (size + 1023) / 1024, MAX_FILE_BYTES / 1024);
                return p;
            }
            p.load(new StringReader(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString()));
        } catch (IOException | IllegalArgumentException e) {
            // IllegalArgumentException: Properties' own refusal of a broken unicode escape.
            log.warn("Cannot read settings from {}: {}; using the default settings", file, e.getMessage());
            return new Properties();
        }
        return p;
    }

    public UiSettings withTheme(Theme t) {
        return new UiSettings(t, language);
    }

    public UiSettings withLanguage(UiLanguage l) {
        return new UiSettings(theme, l);
    }

    private static <E extends Enum<E>> E parse(Path file, String key, Class<E> type, String value, E fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            // The value is not repeated: in a damaged file it may be anything, of any length.
            log.warn("Settings file {}: {} is not one of {}; using {}", file, key, java.util.Arrays.toString(type.getEnumConstants()),
                    fallback);
            return fallback;
        }
    }
}
