package app.tandem.ui.office;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.Slow;
import app.tandem.conversation.Channel;
import app.tandem.conversation.Conversation;
import app.tandem.security.Role;
import app.tandem.ui.desk.DeskWindowFixture;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The supervisors' live view over the real backend (H2 in a temp folder): two open conversations, one claimed by
 * agent "ana"; the supervisor sees who has each and for how long, and takes ana's over onto their desk.
 */
@ExtendWith(ApplicationExtension.class)
@Slow
class OfficeWindowTest {

    @TempDir
    Path folder;
    private DeskWindowFixture desk;

    @Start
    void start(javafx.stage.Stage stage) {
        desk = DeskWindowFixture.withStaff(stage, folder.resolve("data"));
    }

    @AfterEach
    void stop(FxRobot robot) {
        desk.close(robot);
    }

    @Test
    void aSupervisorSeesWhoHasWhatAndTakesAConversationOver(FxRobot robot) throws Exception {
        var services = desk.backend.services;
        services.accounts().createUser("admin", "ana", "Ana Agent", Role.AGENT, DeskWindowFixture.PASSWORD.toCharArray());
        Conversation claimed = services.conversations().open(Optional.empty(), Channel.CHAT, "Card not arrived");
        services.conversations().receiveFromCustomer(claimed.id(), "My new card has not arrived.");
        assertTrue(services.conversations().claim(claimed.id(), "ana"));
        Conversation waiting = services.conversations().open(Optional.empty(), Channel.PHONE, "Mortgage question");
        services.conversations().receiveFromCustomer(waiting.id(), "Can I overpay my mortgage?");

        desk.signIn(robot, "sue", DeskWindowFixture.PASSWORD);
        assertTrue(DeskWindowFixture.selectTab(robot, "officeTab"), "supervisors have the Office tab");
        @SuppressWarnings("unchecked")
        TableView<OfficeViewModel.OpenConversation> table = robot.lookup("#officeConversations").queryAs(TableView.class);
        DeskWindowFixture.waitUntil("both conversations", () -> table.getItems().size() == 2);
        OfficeViewModel.OpenConversation anas = table.getItems().stream().filter(c -> c.id() == claimed.id()).findFirst().orElseThrow();
        OfficeViewModel.OpenConversation nobodys = table.getItems().stream().filter(c -> c.id() == waiting.id()).findFirst().orElseThrow();
        assertEquals(Optional.of("Ana Agent"), anas.holder());
        assertTrue(anas.heldSince().isPresent() && anas.waitingSince().isPresent(), "handling and waiting clocks");
        assertEquals(Optional.empty(), nobodys.holder());
        assertTrue(table.getColumns().stream().anyMatch(c -> c.getText().equals("Handling")));
        assertEquals("Ana Agent", table.getColumns().get(3).getCellData(anas));
        assertEquals("waiting", table.getColumns().get(3).getCellData(nobodys));
        assertTrue(table.getColumns().get(5).getCellData(anas).toString().matches("\\d+:\\d\\d"), "handling shown to the second");
        @SuppressWarnings("unchecked")
        ListView<app.tandem.office.Colleague> people = robot.lookup("#officePeople").queryAs(ListView.class);
        DeskWindowFixture.waitUntil("Sue at her seat", () -> people.getItems().stream()
                .anyMatch(c -> c.username().equals("sue") && c.isOnline()));

        robot.interact(() -> table.getSelectionModel().select(anas));
        robot.clickOn("#takeOver");

        DeskWindowFixture.waitUntil("the conversation on Sue's desk", () -> desk.session.mainWindow().deskViewModel()
                .conversation().isSelected(claimed.id()));
        assertTrue(services.conversations().assignment(claimed.id()).orElseThrow().isHeldBy("sue"));
        DeskWindowFixture.waitUntil("the table follows", () -> table.getItems().stream()
                .anyMatch(c -> c.id() == claimed.id() && c.holder().equals(Optional.of("Sue Supervisor"))));
        DeskWindowFixture.waitUntil("Ana's claim and Sue's take-over above the turns", () -> desk.session.mainWindow().deskViewModel()
                .holder().moves().size() == 2);
    }
}
