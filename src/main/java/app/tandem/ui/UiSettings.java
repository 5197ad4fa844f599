package app.tandem.ui;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
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

    /** Reads the file; anything missing or unreadable falls back to the defaults for {@code system}. */
    public static UiSettings load(Path file, Locale system) {
        UiSettings defaults = defaults(system);
        if (!Files.isRegularFile(file)) {
            return defaults;
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException | IllegalArgumentException e) {
            log.warn("Cannot read settings from {}: {}", file, e.getMessage());
            return defaults;
        }
        return new UiSettings(parse(Theme.class, p.getProperty("ui.theme"), defaults.theme()),
                parse(UiLanguage.class, p.getProperty("ui.language"), defaults.language()));
    }

    /** Writes the UI keys, keeping whatever else the file holds. */
    public void save(Path file) {
        Properties p = new Properties();
        try {
            if (Files.isRegularFile(file)) {
                try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    p.load(in);
                }
            }
            p.setProperty("ui.theme", theme.name());
            p.setProperty("ui.language", language.name());
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

    public UiSettings withTheme(Theme t) {
        return new UiSettings(t, language);
    }

    public UiSettings withLanguage(UiLanguage l) {
        return new UiSettings(theme, l);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, E fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }
}
