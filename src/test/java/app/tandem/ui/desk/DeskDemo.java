package app.tandem.ui.desk;

import app.tandem.channel.Transcript;
import app.tandem.security.User;
import app.tandem.ui.DeskSession;
import app.tandem.ui.TestBackend;
import app.tandem.ui.UiSettings;
import app.tandem.ui.common.FxTaskExecutor;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Opens the desk over a fresh data folder, signed in, with two transcripts replaying: for looking at
 * the window by eye and taking docs/desk.png under Xvfb (see README's screenshot recipe).
 * Arguments: data folder, then optionally DARK, CHINESE and/or MODELS (load the sentence encoders), and
 * MACROS (end on the Macros tab with a half-written macro) or REJECT (end with the reject dialog open).
 */
public final class DeskDemo {

    private DeskDemo() {}

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args.length > 0 ? args[0] : "/tmp/tandem-demo");
        boolean dark = java.util.Arrays.asList(args).contains("DARK");
        boolean chinese = java.util.Arrays.asList(args).contains("CHINESE");
        TestBackend backend = TestBackend.start(folder, java.util.Arrays.asList(args).contains("MODELS"));
        User user = backend.services.accounts().needsFirstAdmin()
                ? backend.services.accounts().createFirstAdmin("ada", "Ada Park", "correct horse".toCharArray())
                : backend.services.accounts().users().get(0);
        if (java.util.Arrays.asList(args).contains("MODELS")) {
            // Demo only: let the encoders load and the index gain its vectors before the customers speak.
            // Ready comes before the index has its vectors; until then the desk ranks by keywords alone.
            for (int i = 0; i < 240 && (backend.services.engineStatus().get().state() != app.tandem.nlp.EngineStatus.State.READY
                    || backend.services.engineStatus().get().indexing()); i++) {
                Thread.sleep(500);
            }
        }
        CountDownLatch done = new CountDownLatch(1);
        DeskSession[] holder = new DeskSession[1];
        Platform.startup(() -> {
            Stage stage = new Stage();
            UiSettings settings = new UiSettings(dark ? UiSettings.Theme.DARK : UiSettings.Theme.LIGHT,
                    chinese ? UiSettings.UiLanguage.CHINESE : UiSettings.UiLanguage.ENGLISH);
            DeskSession session = new DeskSession(stage, backend.services, new FxTaskExecutor(), settings,
                    Clock.systemDefaultZone(), done::countDown);
            session.showMain(user);
            holder[0] = session;
            stage.setX(0);
            stage.setY(0);
        });
        for (Transcript t : backend.services.sampleTranscripts()) {
            if (t.name().startsWith("pin-blocked") || t.name().startsWith("transfer-not-received.txt")) {
                backend.services.replay().play(t, 6.0, true);
            }
        }
        Thread.sleep(800); // demo only: let the second conversation be the one on screen
        backend.services.sampleTranscripts().stream().filter(t -> t.name().equals(chinese ? "lost-card-abroad-zh.txt" : "card-not-arrived.txt"))
                .findFirst().ifPresent(t -> {
                    long id = backend.services.replay().play(t, 4.0, true).conversation().id();
                    Platform.runLater(() -> holder[0].mainWindow().deskViewModel().select(id));
                });
        if (Boolean.getBoolean("demo.office")) {
            colleagueAtWork(backend);
        }
        Thread.sleep(Long.getLong("demo.replyAfterMs", 6000));
        Platform.runLater(() -> {
            DeskViewModel vm = holder[0].mainWindow().deskViewModel();
            if (vm.insertSuggestion(Integer.getInteger("demo.rank", 3))) {
                vm.compose().send();
            }
        });
        String tab = System.getProperty("demo.tab", "");
        if (!tab.isEmpty()) {
            // Demo only: end on another tab (-Ddemo.tab=escalationsTab, trainingTab, ...) to look at it by eye.
            Platform.runLater(() -> {
                javafx.scene.control.TabPane tabs = (javafx.scene.control.TabPane) mainScene().lookup("#tabs");
                tabs.getTabs().stream().filter(t -> tab.equals(t.getId())).findFirst().ifPresent(t -> tabs.getSelectionModel().select(t));
            });
        }
        if (java.util.Arrays.asList(args).contains("MACROS")) {
            Platform.runLater(() -> showMacroEditor(holder[0]));
        } else if (java.util.Arrays.asList(args).contains("REJECT")) {
            Platform.runLater(() -> pressRejectShortcut(holder[0]));
        }
        long seconds = Long.getLong("demo.seconds", 0);
        if (seconds > 0) {
            done.await(seconds, java.util.concurrent.TimeUnit.SECONDS);
        } else {
            done.await();
        }
        Platform.exit();
        backend.close();
    }

    /** Demo only (-Ddemo.office=true): agent Ana holds one conversation and has handed another to the supervisors. */
    private static void colleagueAtWork(TestBackend backend) {
        var conversations = backend.services.conversations();
        if (backend.services.accounts().users().stream().noneMatch(u -> u.username().equals("ana"))) {
            backend.services.accounts().createUser(backend.services.accounts().users().get(0).username(), "ana", "Ana Lima",
                    app.tandem.security.Role.AGENT, "battery staple".toCharArray());
        }
        var held = conversations.open(java.util.Optional.empty(), app.tandem.conversation.Channel.CHAT, "Standing order changed");
        conversations.receiveFromCustomer(held.id(), "Why did my standing order change amount?");
        conversations.claim(held.id(), "ana");
        var fee = conversations.open(java.util.Optional.empty(), app.tandem.conversation.Channel.PHONE, "Overdraft fee refund");
        conversations.receiveFromCustomer(fee.id(), "I want the overdraft fee refunded, it was your mistake.");
        conversations.claim(fee.id(), "ana");
        conversations.handOff(fee.id(), "ana", "Asks for a refund above my limit; the customer is calm.");
    }

    /** Demo only: the Macros tab with a new macro whose text uses a variable Tandem does not know. */
    private static void showMacroEditor(DeskSession session) {
        javafx.scene.Scene scene = mainScene();
        javafx.scene.control.TabPane tabs = (javafx.scene.control.TabPane) scene.lookup("#tabs");
        tabs.getTabs().stream().filter(t -> "macrosTab".equals(t.getId())).findFirst().ifPresent(t -> tabs.getSelectionModel().select(t));
        ((javafx.scene.control.Button) scene.lookup("#macroNew")).fire();
        ((javafx.scene.control.TextField) scene.lookup("#macroTitle")).setText("Card frozen while travelling");
        ((javafx.scene.control.TextArea) scene.lookup("#macroBody")).setText("Hi {customer.firstName}, I have frozen the card "
                + "ending {card.last4} for now. Safe travels, {customer.nickname}! {agent.name}");
        ((javafx.scene.control.TextArea) scene.lookup("#macroTriggers")).setText("freeze my card while I travel\nI am abroad and lost my card");
    }

    /** Demo only: Ctrl+Shift+1 on the desk, as the agent would press it. */
    private static void pressRejectShortcut(DeskSession session) {
        javafx.scene.Scene scene = mainScene();
        javafx.event.Event.fireEvent(scene.lookup("#desk"), new javafx.scene.input.KeyEvent(javafx.scene.input.KeyEvent.KEY_PRESSED,
                "", "", javafx.scene.input.KeyCode.DIGIT1, true, true, false, false));
    }

    private static javafx.scene.Scene mainScene() {
        return javafx.stage.Window.getWindows().stream().map(javafx.stage.Window::getScene)
                .filter(sc -> sc != null && sc.lookup("#tabs") != null).findFirst().orElseThrow();
    }
}
