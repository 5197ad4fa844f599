package app.tandem.ui.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.Slow;
import app.tandem.conversation.Channel;
import app.tandem.conversation.Conversation;
import app.tandem.ui.UiSettings;
import java.nio.file.Path;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The desk in Simplified Chinese, headless: what comes from domain code (the intent chip, the
 * escalation banner, a macro's gap) is Chinese too, not English ids and sentences.
 */
@ExtendWith(ApplicationExtension.class)
@Slow
class DeskChineseWindowTest {

    @TempDir
    Path folder;
    private DeskWindowFixture desk;

    @Start
    void start(Stage stage) {
        desk = DeskWindowFixture.withStaff(stage, folder, UiSettings.UiLanguage.CHINESE);
    }

    @AfterEach
    void stop(FxRobot robot) {
        desk.close(robot);
    }

    @Test
    void lostCardTurnShowsChineseIntentBannerAndGap(FxRobot robot) throws Exception {
        desk.signIn(robot, "bob", DeskWindowFixture.PASSWORD);
        // C1003 has no card on file: the freeze macro's {card.last4} stays a gap for the agent to fill in.
        Conversation c = desk.backend.services.conversations().open(Optional.of("C1003"), Channel.CHAT, "挂失");
        robot.interact(() -> desk.session.mainWindow().deskViewModel().select(c.id()));
        desk.backend.services.conversations().receiveFromCustomer(c.id(), "我的卡丢了，帮我冻结银行卡");

        DeskWindowFixture.waitUntil("the intent chip", () -> intentChip(robot).isPresent());
        assertEquals("卡片丢失或被盗（挂失）", intentChip(robot).orElseThrow().getText());

        DeskWindowFixture.waitUntil("the escalation banner", () -> robot.lookup("#escalationBanner").queryAs(Label.class).isVisible());
        String banner = robot.lookup("#escalationBanner").queryAs(Label.class).getText();
        assertTrue(banner.startsWith("需升级：【紧急】卡片丢失或被盗（挂失），依据："), banner);
        assertFalse(banner.contains("lost") || banner.contains("keywords"), banner);

        DeskViewModel vm = desk.session.mainWindow().deskViewModel();
        correctTheIntentByItsChineseName(robot);
        try {
            DeskWindowFixture.waitUntil("the freeze macro with its gap", () -> robot.lookup("#suggestions").queryAs(Pane.class)
                    .lookupAll(".label").stream().anyMatch(n -> n instanceof Label l && l.getText().contains("⟨卡号后四位⟩")));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; suggested: " + vm.suggestions().suggestions() + "; notice: "
                    + vm.suggestions().noticeProperty().get(), e);
        }
        int rank = 1;
        while (!vm.wording().text(vm.suggestions().suggestions().get(rank - 1)).contains("⟨卡号后四位⟩")) {
            rank++;
        }
        int macro = rank;
        robot.interact(() -> vm.insertSuggestion(macro));
        assertTrue(robot.lookup("#compose").queryAs(TextArea.class).getText().contains("尾号⟨卡号后四位⟩的卡"));
        robot.interact(vm.compose()::send);
        DeskWindowFixture.waitUntil("the gap named", () -> robot.lookup("#composeError").queryAs(Label.class).getText()
                .contains("⟨卡号后四位⟩"));
        assertEquals(1, desk.backend.services.conversations().messages(c.id()).size(), "nothing sent with a gap in it");
    }

    @Test
    void statusBarSaysTheModelsAndStartWarningsInChinese(FxRobot robot) throws Exception {
        desk.signIn(robot, "bob", DeskWindowFixture.PASSWORD);
        // The test backend starts without models and with one skipped bundled file.
        DeskWindowFixture.waitUntil("the status bar", () -> robot.lookup("#engineStatus").tryQuery().isPresent());
        assertEquals("仅关键词搜索：本次运行未加载语言模型", robot.lookup("#engineStatus").queryAs(Label.class).getText());
        robot.clickOn("#startWarnings");
        DeskWindowFixture.waitUntil("the start-up warnings", () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        DialogPane warnings = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertEquals("启动警告", warnings.getHeaderText());
        String text = ((TextArea) warnings.getContent()).getText();
        assertEquals("已跳过 kb/en/broken.md：缺少前置元数据（front matter）：文件必须以一行“---”开头", text);
        robot.interact(() -> ((javafx.scene.control.Button) warnings.lookupButton(ButtonType.OK)).fire());
    }

    /** The correction dialog lists intents by their Chinese names and stores the id of the one picked. */
    @SuppressWarnings("unchecked")
    private void correctTheIntentByItsChineseName(FxRobot robot) throws Exception {
        // The chip is found and clicked in one step on the FX thread: the list draws a turn anew when its
        // annotation changes (the escalation banner came after the chip), so a chip found earlier, or its place
        // on the screen, may be gone by the time a pointer gets there. Not interact(): the dialog waits modally.
        Platform.runLater(() -> intentChip(robot).orElseThrow().fireEvent(click()));
        DeskWindowFixture.waitUntil("the intent list", () -> robot.lookup("#intentChoice").tryQuery().isPresent());
        ComboBox<String> choice = robot.lookup("#intentChoice").queryAs(ComboBox.class);
        robot.interact(() -> {
            assertEquals("卡片丢失或被盗（挂失）", choice.getEditor().getText());
            assertEquals("ATM 吞卡", choice.getConverter().toString("card_swallowed"));
            assertTrue(choice.getItems().contains("card_swallowed"));
            choice.getEditor().setText("ATM 吞卡");
        });
        robot.clickOn(((DialogPane) choice.getScene().getRoot()).lookupButton(ButtonType.OK));
        DeskWindowFixture.waitUntil("the corrected chip", () -> intentChip(robot).filter(l -> l.getText().equals("ATM 吞卡")).isPresent());
        assertEquals("card_swallowed", desk.backend.services.understanding().corrections(app.tandem.assist.escalation.Correction.Kind.INTENT).get(0).label());
    }

    /**
     * The intent chip the agent sees. The conversation list also draws turns in hidden cells (to
     * measure them, or kept for reuse) with the same ids; clicking one of those clicks nothing.
     */
    private static Optional<Label> intentChip(FxRobot robot) {
        return robot.lookup(".label").match((Label l) -> l.getId() != null && l.getId().startsWith("intentChip") && showing(l))
                .tryQuery();
    }

    private static MouseEvent click() {
        return new MouseEvent(MouseEvent.MOUSE_CLICKED, 0, 0, 0, 0, MouseButton.PRIMARY, 1,
                false, false, false, false, true, false, false, true, false, true, null);
    }

    private static boolean showing(javafx.scene.Node node) {
        for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }
}
