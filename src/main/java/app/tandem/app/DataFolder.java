package app.tandem.app;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where Tandem keeps its database, index, settings and logs: {@code --data-dir}, else
 * {@code TANDEM_HOME}, else {@code ~/.tandem}.
 */
public final class DataFolder {

    private DataFolder() {}

    public static Path resolve(Optional<Path> option, Map<String, String> environment) {
        if (option.isPresent()) {
            return option.get().toAbsolutePath().normalize();
        }
        String home = environment.get("TANDEM_HOME");
        if (home != null && !home.isBlank()) {
            return Path.of(home).toAbsolutePath().normalize();
        }
        return Path.of(System.getProperty("user.home"), ".tandem");
    }
}
