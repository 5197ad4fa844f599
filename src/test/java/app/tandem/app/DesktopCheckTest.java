package app.tandem.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.app.DesktopCheck.Machine;
import app.tandem.app.DesktopCheck.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The desk's "can a window open here?" in plain sentences: from the environment before JavaFX starts, and from JavaFX's refusal. */
class DesktopCheckTest {

    private static final Path GTK = Path.of("/usr/lib/x86_64-linux-gnu/libgtk-3.so.0");

    private static DesktopCheck linux(Map<String, String> environment, boolean displayAnswers, Optional<Path> gtk) {
        return new DesktopCheck(new Machine("Linux", environment, Optional.empty(), d -> displayAnswers, () -> gtk));
    }

    @Test
    void withoutDisplayTheDeskSaysSoBeforeJavaFxStarts() {
        DesktopCheck check = linux(Map.of(), false, Optional.of(GTK));
        assertEquals(Optional.of(Problem.NO_DISPLAY), check.beforeStart());
        assertEquals("Tandem needs a desktop to show its window, and no display was found (DISPLAY is not set). "
                + "Run it in a desktop session, or use its commands: tandem --help.", check.sentence(Problem.NO_DISPLAY));
        assertEquals(Optional.of(Problem.NO_DISPLAY), linux(Map.of("DISPLAY", " "), false, Optional.of(GTK)).beforeStart(),
                "a blank DISPLAY is no display");
    }

    @Test
    void nothingIsGuessedBeforeStartWhereAWindowMayOpen() {
        assertEquals(Optional.empty(), linux(Map.of("DISPLAY", ":0"), false, Optional.empty()).beforeStart(),
                "with DISPLAY set, JavaFX itself finds out whether the display and GTK are there");
        assertEquals(Optional.empty(), new DesktopCheck(new Machine("Windows 11", Map.of(), Optional.empty(), d -> false,
                Optional::empty)).beforeStart());
        assertEquals(Optional.empty(), new DesktopCheck(new Machine("Mac OS X", Map.of(), Optional.empty(), d -> false,
                Optional::empty)).beforeStart());
        assertEquals(Optional.empty(), new DesktopCheck(new Machine("Linux", Map.of(), Optional.of("Monocle"), d -> false,
                Optional::empty)).beforeStart(), "Monocle draws without a display");
    }

    @Test
    void javaFxRefusalsBecomeSentencesWithTheFix() {
        DesktopCheck unset = linux(Map.of(), false, Optional.empty());
        assertEquals(Optional.of(Problem.NO_DISPLAY), unset.explain(new UnsupportedOperationException("Unable to open DISPLAY")));

        DesktopCheck set = linux(Map.of("DISPLAY", ":77"), false, Optional.empty());
        Optional<Problem> unreachable = set.explain(new RuntimeException("startup", new UnsupportedOperationException("Unable to open DISPLAY")));
        assertEquals(Optional.of(Problem.DISPLAY_UNREACHABLE), unreachable, "found among the causes");
        assertEquals("Tandem needs a desktop to show its window, and the display DISPLAY=:77 could not be reached. "
                + "Run it in a desktop session, or use its commands: tandem --help.", set.sentence(unreachable.get()));

        Optional<Problem> gtk = set.explain(new UnsupportedOperationException("Unable to load glass GTK library."));
        assertEquals(Optional.of(Problem.GTK3_MISSING), gtk);
        assertEquals("Tandem needs GTK 3 to show its window, and GTK 3 is missing: install it with sudo apt-get install "
                + "libgtk-3-0, or use its commands: tandem --help.", set.sentence(gtk.get()));

        assertEquals(Optional.empty(), set.explain(new IllegalStateException("Toolkit already initialized")),
                "anything else keeps its own message and stack trace");
    }

    @Test
    void theExceptionCarriesTheSentenceAndTheCause() {
        DesktopCheck check = linux(Map.of(), false, Optional.empty());
        UnsupportedOperationException javaFx = new UnsupportedOperationException("Unable to open DISPLAY");
        DesktopCheck.DesktopUnavailableException e = check.unavailable(Problem.NO_DISPLAY, javaFx);
        assertEquals(check.sentence(Problem.NO_DISPLAY), e.getMessage());
        assertEquals(Problem.NO_DISPLAY, e.problem());
        assertEquals(javaFx, e.getCause());
    }

    @Test
    void doctorSaysInOneLineWhetherAWindowCanOpen() {
        assertEquals("display :0 reachable, GTK 3 found (" + GTK + ")",
                linux(Map.of("DISPLAY", ":0"), true, Optional.of(GTK)).summary());

        DesktopCheck noDisplay = linux(Map.of(), false, Optional.of(GTK));
        assertEquals("no window possible: " + noDisplay.sentence(Problem.NO_DISPLAY), noDisplay.summary());

        DesktopCheck unreachable = linux(Map.of("DISPLAY", "localhost:10.0"), false, Optional.of(GTK));
        assertEquals("no window possible: " + unreachable.sentence(Problem.DISPLAY_UNREACHABLE), unreachable.summary());

        DesktopCheck noGtk = linux(Map.of("DISPLAY", ":0"), true, Optional.empty());
        assertEquals("no window possible: " + noGtk.sentence(Problem.GTK3_MISSING), noGtk.summary());

        DesktopCheck neither = linux(Map.of(), false, Optional.empty());
        assertEquals("no window possible: " + neither.sentence(Problem.NO_DISPLAY)
                + " GTK 3 is missing too: install it with sudo apt-get install libgtk-3-0.", neither.summary());

        for (String line : List.of(noDisplay.summary(), neither.summary())) {
            assertFalse(line.contains("\n"), "one line: " + line);
        }
        assertTrue(new DesktopCheck(new Machine("Windows 11", Map.of(), Optional.empty(), d -> false, Optional::empty))
                .summary().contains("Windows 11"));
    }

    @Test
    void gtkIsLookedForWhereTheDynamicLinkerLooks(@TempDir Path folder) throws IOException {
        Path own = Files.createDirectories(folder.resolve("own"));
        List<Path> path = DesktopCheck.librarySearchPath(Map.of("LD_LIBRARY_PATH", own + "::/nowhere"));
        assertEquals(own, path.get(0), "LD_LIBRARY_PATH first");
        assertTrue(path.contains(Path.of("/usr/lib")));
        assertEquals(Optional.empty(), DesktopCheck.findLibrary(DesktopCheck.GTK3_LIBRARY, List.of(own)));
        Path gtk = Files.createFile(own.resolve(DesktopCheck.GTK3_LIBRARY));
        assertEquals(Optional.of(gtk), DesktopCheck.findLibrary(DesktopCheck.GTK3_LIBRARY, path));
    }

    @Test
    void aDisplayNobodyServesIsNotReachable() {
        assertFalse(DesktopCheck.xServerAnswers(":987"));
        assertFalse(DesktopCheck.xServerAnswers("not a display"));
        assertFalse(DesktopCheck.xServerAnswers(":x"));
    }
}
