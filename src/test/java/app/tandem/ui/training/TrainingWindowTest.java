package app.tandem.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.Slow;
import app.tandem.nlp.intent.IntentExample;
import app.tandem.nlp.intent.ToyIntents;
import app.tandem.ui.desk.DeskWindowFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Training tab, headless, over the real backend: a supervisor points it at a small CSV, starts a
 * run (the real MiniLM encoder and a head trained on it), sees progress and the curve, and the new
 * version is listed as current; the desk's intent model switches to it.
 */
@ExtendWith(ApplicationExtension.class)
@Slow
class TrainingWindowTest {

    private static final long TRAINING_SECONDS = 180;

    @TempDir
    Path folder;
    private DeskWindowFixture desk;

    @Start
    void start(Stage stage) {
        desk = DeskWindowFixture.withStaff(stage, folder);
    }

    @AfterEach
    void stop(FxRobot robot) {
        desk.close(robot);
    }

    /** Longer than the fixture's wait: a training run loads the encoder and trains on 2 shared cores. */
    private static void waitForTraining(String what, Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(TRAINING_SECONDS, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("Timed out waiting for " + what, e);
        }
    }

    private Path csv() throws Exception {
        StringBuilder s = new StringBuilder("text,category\n");
        for (IntentExample e : ToyIntents.examples(1, 8, UnaryOperator.identity())) {
            s.append('"').append(e.text()).append("\",").append(e.intent()).append('\n');
        }
        return Files.writeString(folder.resolve("office-intents.csv"), s, StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private static ListView<TrainingViewModel.VersionRow> versions(FxRobot robot) {
        return robot.lookup("#trainingVersions").queryAs(ListView.class);
    }

    @Test
    void supervisorTrainsFromTheTabAndTheNewVersionIsListedAndUsed(FxRobot robot) throws Exception {
        Path data = csv();
        desk.signIn(robot, "sue", DeskWindowFixture.PASSWORD);
        assertTrue(DeskWindowFixture.selectTab(robot, "trainingTab"), "supervisors have the Training tab");
        DeskWindowFixture.waitUntil("the office example count", () -> robot.lookup("#trainingOfficeExamples").queryAs(Label.class)
                .getText().contains("Office examples"));
        // Before any run the tab says what each empty part is for, and there is nothing to roll back.
        DeskWindowFixture.waitUntil("the model in use named", () -> robot.lookup("#trainingModelInUse").queryAs(Label.class)
                .getText().startsWith("No trained intent model yet"));
        robot.interact(() -> {
            assertTrue(robot.lookup("#trainingRollback").queryAs(Button.class).isDisabled(), "nothing to roll back");
            assertTrue(robot.lookup("#trainingChartPlaceholder").queryAs(Label.class).isVisible(), "the empty chart says what it will show");
            assertTrue(robot.lookup("#trainingVersionsPlaceholder").queryAs(Label.class).isVisible(), "the empty list says what it will list");
            assertTrue(robot.lookup("#trainingReportPlaceholder").queryAs(Label.class).isVisible(), "the empty report says how to fill it");
        });

        robot.clickOn("#trainingDataPath").write(data.toString()).type(KeyCode.ENTER);
        DeskWindowFixture.waitUntil("the CSV read", () -> !robot.lookup("#trainingDataPath").queryAs(TextField.class).getText().isBlank()
                && robot.lookup(".label").queryAllAs(Label.class).stream().anyMatch(l -> l.getText() != null
                        && l.getText().contains("24 examples kept")));

        // Progress as the bar shows it: some value strictly between nothing and done must pass by.
        AtomicReference<Double> between = new AtomicReference<>();
        robot.interact(() -> robot.lookup("#trainingProgress").queryAs(ProgressBar.class).progressProperty()
                .addListener((o, a, b) -> {
                    if (b.doubleValue() > 0 && b.doubleValue() < 1) {
                        between.compareAndSet(null, b.doubleValue());
                    }
                }));
        robot.clickOn("#trainingStart");
        waitForTraining("the new version listed", () -> versions(robot).getItems().stream().anyMatch(v -> v.id().equals("v001")));

        assertTrue(between.get() != null, "progress was shown");
        robot.interact(() -> {
            assertEquals(1.0, robot.lookup("#trainingProgress").queryAs(ProgressBar.class).getProgress(), 1e-9);
            String message = robot.lookup("#trainingMessage").queryAs(Label.class).getText();
            assertTrue(message.startsWith("v001: validation accuracy") && message.contains("promoted: first intent model"), message);
            List<TrainingViewModel.VersionRow> rows = versions(robot).getItems();
            assertEquals(1, rows.size());
            assertTrue(rows.get(0).current());
            assertTrue(rows.get(0).summary().contains("office-intents.csv"), rows.get(0).summary());
            LineChart<?, ?> chart = robot.lookup("#trainingChart").queryAs(LineChart.class);
            assertTrue(!chart.getData().get(0).getData().isEmpty(), "the loss curve is drawn");
            assertTrue(!robot.lookup("#trainingChartPlaceholder").queryAs(Label.class).isVisible(), "the curve replaces the placeholder");
            String inUse = robot.lookup("#trainingModelInUse").queryAs(Label.class).getText();
            assertTrue(inUse.startsWith("The desk recognises intents with v001 now"), inUse);
            assertTrue(robot.lookup("#trainingRollback").queryAs(Button.class).isDisabled(), "one promotion: still nothing to roll back");
        });
        // The run was promoted: the desk's intent model is that version now, without a restart.
        assertEquals(Optional.of("v001"), desk.backend.services.intentModels().promoted().version());
    }
}
