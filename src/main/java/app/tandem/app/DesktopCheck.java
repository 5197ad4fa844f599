package app.tandem.app;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Whether this machine can show the desk's window, and if not, why, in one sentence with the fix.
 * On Linux JavaFX draws through GTK 3 on an X display (XWayland included); without either it stops with
 * a stack trace ("Unable to open DISPLAY", "Unable to load glass GTK library"). The desk asks before it
 * starts JavaFX and explains JavaFX's refusal afterwards; {@code doctor} prints the same answer as one line.
 */
public final class DesktopCheck {

    /** Why no window can open. */
    public enum Problem { NO_DISPLAY, DISPLAY_UNREACHABLE, GTK3_MISSING }

    /** Thrown instead of JavaFX's stack trace when the desk cannot open a window; the message is the sentence. */
    public static final class DesktopUnavailableException extends RuntimeException {

        private final Problem problem;

        DesktopUnavailableException(Problem problem, String sentence, Throwable cause) {
            super(sentence, cause);
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    /**
     * What the check sees of the machine; {@link #thisMachine()} reads the real one, tests give their own.
     *
     * @param osName           {@code os.name}
     * @param environment      the environment variables (DISPLAY)
     * @param glassPlatform    {@code -Dglass.platform}: Monocle draws without any display
     * @param displayReachable whether an X server answers on a DISPLAY value
     * @param gtk3             where libgtk-3 is, if the dynamic linker can find it
     */
    public record Machine(String osName, Map<String, String> environment, Optional<String> glassPlatform,
            Predicate<String> displayReachable, Supplier<Optional<Path>> gtk3) {

        public static Machine thisMachine() {
            return new Machine(System.getProperty("os.name", ""), System.getenv(),
                    Optional.ofNullable(System.getProperty("glass.platform")), DesktopCheck::xServerAnswers,
                    () -> findLibrary(GTK3_LIBRARY, librarySearchPath(System.getenv())));
        }
    }

    /** The name JavaFX's glass asks the dynamic linker for. */
    static final String GTK3_LIBRARY = "libgtk-3.so.0";

    private static final String COMMANDS = "use its commands: tandem --help.";

    private final Machine machine;

    public DesktopCheck(Machine machine) {
        this.machine = machine;
    }

    public static DesktopCheck ofThisMachine() {
        return new DesktopCheck(Machine.thisMachine());
    }

    /**
     * What is certain before JavaFX starts: GTK on Linux opens the display DISPLAY names, so without one
     * it cannot. Everything else (an unreachable display, GTK missing) JavaFX finds out itself, and
     * {@link #explain} words it; guessing here could keep a working desk from opening.
     */
    public Optional<Problem> beforeStart() {
        if (!drawsThroughGtk() || display().isPresent()) {
            return Optional.empty();
        }
        return Optional.of(Problem.NO_DISPLAY);
    }

    /** JavaFX's refusal to start, as a problem this check can word; empty for anything else. */
    public Optional<Problem> explain(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth++ < 20; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (message.contains("Unable to open DISPLAY")) {
                return Optional.of(display().isPresent() ? Problem.DISPLAY_UNREACHABLE : Problem.NO_DISPLAY);
            }
            if (message.contains("Unable to load glass GTK library")) {
                return Optional.of(Problem.GTK3_MISSING);
            }
        }
        return Optional.empty();
    }

    /** The exception the desk throws for {@code problem}, carrying the sentence. */
    public DesktopUnavailableException unavailable(Problem problem, Throwable cause) {
        return new DesktopUnavailableException(problem, sentence(problem), cause);
    }

    /** One plain sentence: what is missing and what to do. */
    public String sentence(Problem problem) {
        return switch (problem) {
            case NO_DISPLAY -> "Tandem needs a desktop to show its window, and no display was found (DISPLAY is not set). "
                    + "Run it in a desktop session, or " + COMMANDS;
            case DISPLAY_UNREACHABLE -> "Tandem needs a desktop to show its window, and the display DISPLAY="
                    + display().orElse("") + " could not be reached. Run it in a desktop session, or " + COMMANDS;
            case GTK3_MISSING -> "Tandem needs GTK 3 to show its window, and GTK 3 is missing: install it with "
                    + "sudo apt-get install libgtk-3-0, or " + COMMANDS;
        };
    }

    /**
     * The {@code doctor} line: is a display reachable, can GTK 3 be loaded. Whether DISPLAY is set depends
     * on how this shell was opened (ssh, a service), so this line informs rather than fails the report.
     */
    public String summary() {
        if (!drawsThroughGtk()) {
            return machine.glassPlatform().map(p -> p + " (draws without a display)")
                    .orElse("native windowing of " + machine.osName());
        }
        Optional<Path> gtk = machine.gtk3().get();
        Optional<String> display = display();
        List<String> problems = new ArrayList<>();
        if (display.isEmpty()) {
            problems.add(sentence(Problem.NO_DISPLAY));
        } else if (!machine.displayReachable().test(display.get())) {
            problems.add(sentence(Problem.DISPLAY_UNREACHABLE));
        }
        if (gtk.isEmpty()) {
            problems.add(problems.isEmpty() ? sentence(Problem.GTK3_MISSING)
                    : "GTK 3 is missing too: install it with sudo apt-get install libgtk-3-0.");
        }
        if (problems.isEmpty()) {
            return "display " + display.get() + " reachable, GTK 3 found (" + gtk.get() + ")";
        }
        return "no window possible: " + String.join(" ", problems);
    }

    /** Linux and the other Unixes draw through GTK; Windows and macOS have their own, and Monocle needs none. */
    private boolean drawsThroughGtk() {
        String os = machine.osName().toLowerCase(Locale.ROOT);
        boolean nativeToolkit = os.startsWith("windows") || os.startsWith("mac");
        boolean gtkPlatform = machine.glassPlatform().map(p -> p.equalsIgnoreCase("gtk")).orElse(true);
        return !nativeToolkit && gtkPlatform;
    }

    private Optional<String> display() {
        return Optional.ofNullable(machine.environment().get("DISPLAY")).filter(d -> !d.isBlank());
    }

    /**
     * Whether an X server takes a connection on {@code display} ({@code :0}, {@code unix:0.0}, {@code host:10}):
     * its Unix socket in /tmp/.X11-unix, or TCP port 6000 + the display number on another host.
     */
    static boolean xServerAnswers(String display) {
        int colon = display.lastIndexOf(':');
        if (colon < 0) {
            return false;
        }
        String host = display.substring(0, colon);
        String number = display.substring(colon + 1).split("\\.")[0];
        try {
            int n = Integer.parseInt(number);
            if (host.isEmpty() || host.equals("unix")) {
                try (SocketChannel ignored = SocketChannel.open(UnixDomainSocketAddress.of("/tmp/.X11-unix/X" + n))) {
                    return true;
                }
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, 6000 + n), 1000);
                return true;
            }
        } catch (NumberFormatException | IOException e) {
            return false;
        }
    }

    /** The folders the dynamic linker looks in: LD_LIBRARY_PATH, /etc/ld.so.conf.d, then the standard ones. */
    static List<Path> librarySearchPath(Map<String, String> environment) {
        List<Path> folders = new ArrayList<>();
        String ldPath = environment.get("LD_LIBRARY_PATH");
        if (ldPath != null) {
            for (String p : ldPath.split(":")) {
                if (!p.isBlank()) {
                    folders.add(Path.of(p));
                }
            }
        }
        Path conf = Path.of("/etc/ld.so.conf.d");
        if (Files.isDirectory(conf)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(conf, "*.conf")) {
                for (Path file : files) {
                    for (String line : Files.readAllLines(file)) {
                        String folder = line.strip();
                        if (folder.startsWith("/")) {
                            folders.add(Path.of(folder));
                        }
                    }
                }
            } catch (IOException e) {
                // The standard folders below still answer.
            }
        }
        for (String p : List.of("/lib", "/usr/lib", "/lib64", "/usr/lib64")) {
            folders.add(Path.of(p));
        }
        return folders;
    }

    static Optional<Path> findLibrary(String name, List<Path> folders) {
        return folders.stream().map(f -> f.resolve(name)).filter(Files::exists).findFirst();
    }
}
