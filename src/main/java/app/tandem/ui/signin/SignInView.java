package app.tandem.ui.signin;

import app.tandem.ui.common.Css;
import app.tandem.ui.common.Forms;
import app.tandem.ui.common.Texts;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** Sign-in, or on a fresh data folder the form that creates the first administrator. */
public final class SignInView {

    private final StackPane root = new StackPane();
    private final TextField username = new TextField();

    /** {@code joining}: "Join an office…", offered on a solo desk; whoever shows this view restarts the desk once joined. */
    public SignInView(SignInViewModel vm, Texts texts, JoinOfficeViewModel joining) {
        boolean firstRun = vm.firstRunProperty().get();
        Label title = new Label(firstRun ? texts.get("firstRun.title") : texts.get("signIn.title"));
        title.getStyleClass().add(Css.TITLE_3);
        Label intro = new Label(firstRun ? texts.get("firstRun.intro") : texts.get("signIn.intro"));
        intro.setWrapText(true);
        intro.getStyleClass().add(Css.TEXT_MUTED);

        username.setId("username");
        username.textProperty().bindBidirectional(vm.usernameProperty());
        TextField displayName = new TextField();
        displayName.setId("displayName");
        displayName.textProperty().bindBidirectional(vm.displayNameProperty());
        PasswordField password = new PasswordField();
        password.setId("password");
        password.textProperty().addListener((obs, old, t) -> vm.passwordProperty().set(t.toCharArray()));
        PasswordField confirmation = new PasswordField();
        confirmation.setId("confirmPassword");
        confirmation.textProperty().addListener((obs, old, t) -> vm.confirmationProperty().set(t.toCharArray()));
        vm.passwordProperty().addListener((obs, old, pw) -> {
            if (pw.length == 0 && !password.getText().isEmpty()) {
                password.clear();
            }
        });
        vm.confirmationProperty().addListener((obs, old, pw) -> {
            if (pw.length == 0 && !confirmation.getText().isEmpty()) {
                confirmation.clear();
            }
        });

        GridPane form = Forms.grid();
        int row = 0;
        form.addRow(row++, new Label(texts.get("signIn.username")), username);
        if (firstRun) {
            form.addRow(row++, new Label(texts.get("firstRun.displayName")), displayName);
        }
        form.addRow(row++, new Label(texts.get("signIn.password")), password);
        if (firstRun) {
            form.addRow(row++, new Label(texts.get("firstRun.confirm")), confirmation);
        }

        for (javafx.scene.Node field : java.util.List.of(username, displayName, password, confirmation)) {
            GridPane.setHgrow(field, javafx.scene.layout.Priority.ALWAYS);
        }

        Label message = new Label();
        message.setId("signInMessage");
        message.setWrapText(true);
        message.getStyleClass().add(Css.FORM_ERROR);
        message.textProperty().bind(vm.messageProperty());
        message.visibleProperty().bind(vm.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());

        Button submit = new Button(firstRun ? texts.get("firstRun.create") : texts.get("signIn.submit"));
        submit.setId("signIn");
        submit.getStyleClass().add(Css.ACCENT);
        submit.setDefaultButton(true);
        submit.disableProperty().bind(vm.workingProperty());
        submit.setOnAction(e -> {
            if (firstRun) {
                vm.createFirstAdmin();
            } else {
                vm.signIn();
            }
        });
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(vm.workingProperty());
        HBox actions = new HBox(10, busy, submit);
        actions.setAlignment(Pos.CENTER_RIGHT);

        VBox office = new VBox(4);
        if (joining.offered()) {
            Hyperlink join = new Hyperlink(texts.get("join.link"));
            join.setId("joinOffice");
            join.setOnAction(e -> JoinOfficeDialog.show(root.getScene().getWindow(), joining, texts));
            if (joining.newFolder()) {
                Label solo = new Label(texts.get("join.soloHint"));
                solo.setWrapText(true);
                solo.getStyleClass().add(Css.TEXT_MUTED);
                office.getChildren().add(solo);
            }
            office.getChildren().add(join);
        }

        Label brand = new Label("Tandem");
        brand.getStyleClass().add(Css.TITLE_4);
        brand.getStyleClass().add(Css.TEXT_MUTED);
        VBox card = new VBox(12, brand, title, intro, form, message, actions, office);
        card.getStyleClass().addAll(Css.SIGN_IN, Css.CARD);
        card.setMaxWidth(440);
        card.setMaxHeight(Region.USE_PREF_SIZE);
        card.setPadding(new Insets(28));
        root.getChildren().add(card);
        root.setPadding(new Insets(24));
        root.setId("signInView");
    }

    public Node node() {
        return root;
    }

    public void focus() {
        username.requestFocus();
    }
}
