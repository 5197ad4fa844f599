package app.tandem.app;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The user and password a seat signs in to a PostgreSQL office database with (issue 17): from a properties file
 * ({@code user=}, {@code password=}) that only its owner may read, or from {@value #USER_VARIABLE} and
 * {@value #PASSWORD_VARIABLE}. Never from the command line, where every user of the PC can read them.
 */
public record DatabaseCredentials(String user, String password) {

    public static final String USER_VARIABLE = "TANDEM_DB_USER";
    public static final String PASSWORD_VARIABLE = "TANDEM_DB_PASSWORD";

    /** The file's credentials when there is a file, else the environment's. */
    public static DatabaseCredentials of(Optional<Path> file, Map<String, String> environment) {
        return file.map(DatabaseCredentials::read).orElseGet(() -> fromEnvironment(environment));
    }

    static DatabaseCredentials fromEnvironment(Map<String, String> environment) {
        String user = environment.getOrDefault(USER_VARIABLE, "");
        if (user.isBlank()) {
            throw new IllegalArgumentException("No credentials for the office database: give --credentials FILE (user= and "
                    + "password=, readable by you alone) or set " + USER_VARIABLE + " and " + PASSWORD_VARIABLE + ".");
        }
        return new DatabaseCredentials(user, environment.getOrDefault(PASSWORD_VARIABLE, ""));
    }

    static DatabaseCredentials read(Path file) {
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("The credentials file " + file + " does not exist or cannot be read.");
        }
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Set<PosixFilePermission> permissions;
            try {
                permissions = Files.getPosixFilePermissions(file);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the permissions of " + file, e);
            }
            if (permissions.stream().anyMatch(p -> p.name().startsWith("GROUP_") || p.name().startsWith("OTHERS_"))) {
                throw new IllegalArgumentException("The credentials file " + file + " may be read by other users of this PC: "
                        + "make it readable by its owner alone (chmod 600 " + file + ").");
            }
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the credentials file " + file, e);
        }
        String user = p.getProperty("user", "").strip();
        if (user.isEmpty()) {
            throw new IllegalArgumentException("The credentials file " + file + " has no user= line.");
        }
        return new DatabaseCredentials(user, p.getProperty("password", ""));
    }

    @Override
    public String toString() {
        return "credentials of " + user;
    }
}
