package app.tandem.ui;

import static app.tandem.ui.common.Converters.converter;

import app.tandem.backup.BackupRefusedException;
import app.tandem.office.Presence;
import app.tandem.security.Role;
import app.tandem.security.User;
import app.tandem.ui.common.Css;
import app.tandem.ui.common.Forms;
import app.tandem.ui.common.FxTaskExecutor;
import app.tandem.ui.common.TaskExecutor;
import app.tandem.ui.common.Texts;
import app.tandem.ui.customers.CustomerProfileViewModel;
import app.tandem.ui.customers.CustomersView;
import app.tandem.ui.customers.CustomersViewModel;
import app.tandem.ui.desk.AllowlistCurationViewModel;
import app.tandem.ui.desk.AttachmentViewModel;
import app.tandem.ui.desk.CloseConversationViewModel;
import app.tandem.ui.desk.ComposeViewModel;
import app.tandem.ui.desk.ConversationViewModel;
import app.tandem.ui.desk.DeskDialogs;
import app.tandem.ui.desk.DeskRehearsal;
import app.tandem.ui.desk.DeskView;
import app.tandem.ui.desk.DeskViewModel;
import app.tandem.ui.desk.HolderViewModel;
import app.tandem.ui.desk.NewConversationViewModel;
import app.tandem.ui.desk.NoticeBoard;
import app.tandem.ui.desk.PassOnViewModel;
import app.tandem.ui.desk.QueueViewModel;
import app.tandem.ui.desk.SuggestionPanelViewModel;
import app.tandem.ui.desk.SuggestionWording;
import app.tandem.ui.desk.UnderstandingViewModel;
import app.tandem.ui.escalations.EscalationsView;
import app.tandem.ui.escalations.EscalationsViewModel;
import app.tandem.ui.kb.ArticleReader;
import app.tandem.ui.kb.KbEditorModels;
import app.tandem.ui.kb.KnowledgeBaseView;
import app.tandem.ui.kb.KnowledgeBaseViewModel;
import app.tandem.ui.macros.MacroEditorView;
import app.tandem.ui.office.OfficeView;
import app.tandem.ui.office.OfficeViewModel;
import app.tandem.ui.macros.MacroEditorViewModel;
import app.tandem.ui.training.TrainingView;
import app.tandem.ui.training.TrainingViewModel;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;

/** The signed-in window: menu, the Desk / Knowledge base / Customers tabs and the status bar. */
public final class MainWindow {

    /** What the window asks of the session that owns it. */
    public interface Session {
        void signOut();

        void quit();

        void changeSettings(UiSettings settings);

        UiSettings settings();
    }

    private final DeskServices services;
    private final User user;
    private final FxTaskExecutor tasks;
    private final Texts texts;
    private final ZoneId zone;
    private final Clock clock;
    private final Session session;
    private final DeskViewModel deskVm;
    private final DeskView desk;
    private java.time.Duration rehearsedInPlace = java.time.Duration.ZERO;
    private DeskRehearsal rehearsal;
    private ReadOnlyBooleanProperty deskRehearsed = new ReadOnlyBooleanWrapper(false).getReadOnlyProperty();
    private final KnowledgeBaseViewModel kbVm;
    private final KnowledgeBaseView kb;
    private final CustomersViewModel customersVm;
    private EscalationsViewModel escalationsVm;
    private OfficeView office;
    private final BorderPane root = new BorderPane();
    private final TabPane tabs = new TabPane();
    private final Tab deskTab;
    private Scene scene;
    /** Hears a failed scheduled backup (on the backup's thread) and tells the status bar; removed on dispose. */
    private java.util.function.Consumer<BackupRefusedException> backupFailures;
    /** Asks whether the office server answers, for as long as the window lives; stopped on dispose. */
    private Timeline officeWatch;

    public MainWindow(DeskServices services, User user, FxTaskExecutor tasks, Texts texts, Clock clock, Session session) {
        this.services = services;
        this.user = user;
        this.tasks = tasks;
        this.texts = texts;
        this.zone = clock.getZone();
        this.clock = clock;
        this.session = session;
        DeskDialogs dialogs = new DeskDialogs(() -> scene == null ? null : scene.getWindow(), texts);
        deskVm = deskViewModel(services, user, tasks, texts, clock);
        desk = new DeskView(deskVm, texts, zone, this::openArticle, dialogs);
        kbVm = new KnowledgeBaseViewModel(services.knowledgeBase(), java.util.Optional.ofNullable(services.curation()), user,
                tasks, services.io(), texts);
        kb = new KnowledgeBaseView(kbVm, KbEditorModels.create(services.curation(), services.knowledgeBase(),
                services.io(), services.inference(), user, tasks, texts, kbVm), texts, zone);
        customersVm = new CustomersViewModel(services.customers(), services.conversations(), tasks, services.io(), texts);
        CustomersView customers = new CustomersView(customersVm, texts, zone);

        deskTab = new Tab(texts.get("tab.desk"), desk.node());
        deskTab.setId("deskTab");
        Tab kbTab = new Tab(texts.get("tab.kb"), kb.node());
        kbTab.setId("kbTab");
        Tab customersTab = new Tab(texts.get("tab.customers"), customers.node());
        customersTab.setId("customersTab");
        tabs.getTabs().addAll(deskTab, kbTab, customersTab);
        if (user.role() != Role.AGENT) {
            tabs.getTabs().add(trainingTab());
        }
        if (user.role().atLeast(Role.SUPERVISOR)) {
            escalationsVm = new EscalationsViewModel(services.understanding().escalations(), user, tasks, services.io(), texts);
            tabs.getTabs().add(EscalationsView.tab(escalationsVm, texts, zone));
            tabs.getTabs().add(officeTab());
        }
        MacroEditorViewModel.create(services.assist().macros(), services.audit(), services.customers(),
                services.io(), user, tasks, texts).ifPresent(vm -> tabs.getTabs().add(MacroEditorView.tab(vm, texts)));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("tabs");

        root.setTop(menu());
        root.setCenter(tabs);
        root.setBottom(statusBar());
    }

    /** The desk's view models, each given the services it uses (and no more) out of {@code services}. */
    public static DeskViewModel deskViewModel(DeskServices services, User user, TaskExecutor tasks, Texts texts, Clock clock) {
        NoticeBoard notices = new NoticeBoard();
        ConversationViewModel conversation = new ConversationViewModel(ConversationViewModel.Turns.of(services.conversations()),
                tasks, services.io(), texts, notices::failed);
        return new DeskViewModel(new DeskViewModel.Parts(
                new QueueViewModel(QueueViewModel.Source.of(services.conversations(), services.customers()), user, tasks,
                        services.io(), texts, clock, notices::failed),
                conversation,
                new UnderstandingViewModel(UnderstandingViewModel.Understanding.of(services.understanding()), conversation, notices,
                        user, tasks, services.inference(), services.io(), texts),
                new SuggestionPanelViewModel(SuggestionPanelViewModel.Assistant.of(services.assist(), services.replies(),
                        services.understanding()), conversation, notices, user.username(), tasks, services.inference(), services.io(), texts),
                new SuggestionWording(texts),
                new ComposeViewModel(ComposeViewModel.Outbox.of(services.replies(), services.conversations(), services.assist()),
                        conversation, user.username(), tasks, services.io(), texts),
                new NewConversationViewModel(NewConversationViewModel.Openings.of(services.conversations(), services.replay(),
                        services.customers(), user.username()), services.sampleTranscripts(), tasks, services.io(), texts, notices::failed),
                new CloseConversationViewModel(CloseConversationViewModel.Closing.of(services.replies(), services.conversations()),
                        conversation, tasks, services.io(), texts),
                new AllowlistCurationViewModel(services.assist().allowlist().map(AllowlistCurationViewModel.Allowlist::of), user, tasks,
                        services.io(), texts, notices::failed),
                new CustomerProfileViewModel(services.customers(), services.conversations(), tasks, services.io()),
                notices,
                new HolderViewModel(HolderViewModel.Holding.of(services.conversations(), services.presence()), conversation, user,
                        tasks, services.io(), texts, notices::failed),
                new PassOnViewModel(PassOnViewModel.Handovers.of(services.conversations(), services.presence()), conversation, user,
                        tasks, services.io(), texts),
                new AttachmentViewModel(AttachmentViewModel.Attachments.of(services.conversations()), conversation,
                        user.username(), tasks, services.io(), texts, notices::failed)),
                DeskViewModel.Events.of(services.conversations()), tasks);
    }

    /** The supervisors' live view of the office; a conversation taken over there opens on this desk. */
    private Tab officeTab() {
        OfficeViewModel vm = new OfficeViewModel(OfficeViewModel.Office.of(services.conversations(), services.customers(),
                services.presence()), user, tasks, services.io(), texts, clock);
        vm.onTakenOver(id -> {
            tabs.getSelectionModel().select(deskTab);
            deskVm.select(id);
        });
        office = new OfficeView(vm, texts);
        return office.tab();
    }

    /** The supervisors' Training tab; training runs on a thread of its own so it never holds the shared I/O threads. */
    private Tab trainingTab() {
        java.util.concurrent.Executor trainingThread = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "tandem-training");
            t.setDaemon(true);
            return t;
        });
        TrainingViewModel vm = new TrainingViewModel(services.intentModels(), texts, tasks, trainingThread, services.io());
        Tab tab = new Tab(texts.get("tab.training"), new TrainingView(vm, texts).node());
        tab.setId("trainingTab");
        // Agents correct intents while the supervisor works elsewhere: count the office examples again on each visit.
        tab.setOnSelectionChanged(e -> {
            if (tab.isSelected()) {
                vm.refreshVersions();
            }
        });
        vm.refreshVersions();
        return tab;
    }

    /** Builds the scene, starts listening to conversations and loads the lists. */
    public Scene scene(double width, double height, String themeStylesheet) {
        scene = new Scene(root, width, height);
        scene.getStylesheets().add(themeStylesheet);
        scene.getStylesheets().add(MainWindow.class.getResource(Css.STYLESHEET).toExternalForm());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (tabs.getSelectionModel().getSelectedItem() == deskTab) {
                desk.handleShortcut(e);
            }
        });
        deskVm.start();
        kbVm.search();
        customersVm.search();
        return scene;
    }

    /**
     * Call once the window shows the scene, before its first frame: the desk rehearses its drawing on sample data,
     * in place first and then off screen (see {@link DeskRehearsal}).
     */
    public void shown() {
        long started = System.nanoTime();
        desk.rehearseInPlace();
        rehearsedInPlace = java.time.Duration.ofNanos(System.nanoTime() - started);
        rehearsal = desk.rehearsal(List.copyOf(scene.getStylesheets()));
        rehearsal.start();
        deskRehearsed = rehearsal.doneProperty();
    }

    /** How long the desk's rehearsal in place held the window's first frame back (the bench prints it). */
    public java.time.Duration rehearsedInPlace() {
        return rehearsedInPlace;
    }

    /** True once the desk has rehearsed its drawing (see {@link DeskRehearsal}); false until the window is shown. */
    public ReadOnlyBooleanProperty deskRehearsed() {
        return deskRehearsed;
    }

    /** Stops listening; the window's nodes can then be dropped. */
    public void dispose() {
        kbVm.autosave();
        if (rehearsal != null) {
            rehearsal.stop();
        }
        desk.dispose();
        deskVm.dispose();
        if (escalationsVm != null) {
            escalationsVm.dispose();
        }
        if (office != null) {
            office.dispose();
        }
        if (backupFailures != null) {
            services.scheduledBackups().removeFailureListener(backupFailures);
        }
        officeWatch.stop();
    }

    public DeskViewModel deskViewModel() {
        return deskVm;
    }

    private MenuBar menu() {
        MenuItem newConversation = item("menu.new", e -> showDesk(desk::newConversation),
                new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN));
        MenuItem replay = item("menu.replay", e -> showDesk(desk::replayTranscript),
                new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN));
        MenuItem close = item("menu.close", e -> showDesk(desk::closeConversation),
                new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        MenuItem signOut = item("menu.signOut", e -> session.signOut(), null);
        MenuItem quit = item("menu.quit", e -> session.quit(), new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
        Menu file = new Menu(texts.get("menu.desk"), null, newConversation, replay, close, new SeparatorMenuItem(), signOut, quit);

        MenuItem findArticle = item("menu.findArticle", e -> {
            tabs.getSelectionModel().select(1);
            kb.focusSearch();
        }, new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN));
        MenuItem settings = item("menu.settings", e -> settingsDialog(), new KeyCodeCombination(KeyCode.COMMA, KeyCombination.SHORTCUT_DOWN));
        Menu tools = new Menu(texts.get("menu.tools"), null, findArticle, settings);
        if (user.role().atLeast(Role.SUPERVISOR)) {
            tools.getItems().add(item("menu.backup", e -> BackupDialog.backUpNow(scene.getWindow(), services.backups(),
                    services.io(), texts, clock), null));
        }
        if (user.role() == Role.ADMIN) {
            tools.getItems().add(item("menu.users", e -> usersDialog(), null));
        }
        MenuItem shortcuts = item("menu.shortcuts", e -> info(texts.get("menu.shortcuts"), texts.get("help.shortcuts")),
                new KeyCodeCombination(KeyCode.F1));
        Menu help = new Menu(texts.get("menu.help"), null, shortcuts);
        return new MenuBar(file, tools, help);
    }

    private void showDesk(Runnable action) {
        tabs.getSelectionModel().select(deskTab);
        action.run();
    }

    private MenuItem item(String key, javafx.event.EventHandler<javafx.event.ActionEvent> action, KeyCombination accelerator) {
        MenuItem item = new MenuItem(texts.get(key));
        item.setOnAction(action);
        if (accelerator != null) {
            item.setAccelerator(accelerator);
        }
        return item;
    }

    private Node statusBar() {
        Label who = new Label(texts.format("status.user", user.displayName(), texts.get("role." + user.role().name())));
        who.setId("statusUser");
        Label engine = new Label(texts.engineStatus(services.engineStatus().get()));
        engine.setId("engineStatus");
        // The models load in the background after sign-in: look again until the line settles.
        Timeline refresh = new Timeline(new KeyFrame(Duration.seconds(1), e -> engine.setText(texts.engineStatus(services.engineStatus().get()))));
        refresh.setCycleCount(120);
        refresh.play();
        engine.getStyleClass().add(Css.TEXT_MUTED);
        HBox bar = new HBox(10, who, presenceChoice(), separator(), engine);
        if (!services.startWarnings().isEmpty()) {
            Hyperlink warnings = new Hyperlink(texts.format("status.warnings", services.startWarnings().size()));
            warnings.setId("startWarnings");
            warnings.getStyleClass().add(Css.TEXT_SMALL);
            warnings.setOnAction(e -> info(texts.get("status.warningsTitle"), services.startWarnings().stream().map(texts::startWarning)
                    .collect(java.util.stream.Collectors.joining("\n\n"))));
            bar.getChildren().addAll(separator(), warnings);
        }
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(14, 14);
        busy.setMaxSize(14, 14);
        busy.visibleProperty().bind(tasks.runningProperty().greaterThan(0));
        Label activity = new Label();
        activity.setId("activity");
        activity.getStyleClass().add(Css.TEXT_MUTED);
        activity.textProperty().bind(Bindings.when(tasks.runningProperty().greaterThan(0))
                .then(tasks.activityProperty()).otherwise(texts.get("status.ready")));
        bar.getChildren().addAll(scheduledBackupFailure(), officeNotAnswering(), spacer, busy, activity);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 10, 4, 10));
        bar.getStyleClass().addAll(Css.STATUS_BAR, Css.TEXT_SMALL);
        bar.setId("statusBar");
        return bar;
    }

    /** Available, busy or away, as the office sees this person; said to the office off the FX thread. */
    private ChoiceBox<Presence> presenceChoice() {
        ChoiceBox<Presence> presence = new ChoiceBox<>(FXCollections.observableArrayList(Presence.values()));
        presence.setId("presenceChoice");
        presence.setValue(services.presence().state());
        presence.setConverter(converter(p -> texts.get("presence." + p.name())));
        presence.setTooltip(new javafx.scene.control.Tooltip(texts.get("presence.tip")));
        presence.getStyleClass().add(Css.TEXT_SMALL);
        presence.valueProperty().addListener((obs, old, now) -> tasks.execute(texts.get("activity.presence"), services.io(), () -> {
            services.presence().set(now);
            return null;
        }, done -> { }, e -> info(texts.get("error.title"), texts.failure(e))));
        return presence;
    }

    /**
     * Empty until a scheduled backup fails; then one line, once per run of failures (the log has each try), which
     * opens the whole sentence and goes away when clicked.
     */
    private Hyperlink scheduledBackupFailure() {
        Hyperlink failure = new Hyperlink();
        failure.setId("backupFailure");
        failure.getStyleClass().add(Css.TEXT_SMALL);
        failure.setVisible(false);
        failure.managedProperty().bind(failure.visibleProperty());
        backupFailures = e -> tasks.onUiThread(() -> {
            String words = BackupDialog.words(texts, e);
            failure.setText(texts.get("status.backupFailed"));
            failure.setOnAction(click -> {
                failure.setVisible(false);
                info(texts.get("status.backupFailed"), words);
            });
            failure.setVisible(true);
        });
        services.scheduledBackups().addFailureListener(backupFailures);
        return failure;
    }

    /**
     * Empty while the office server answers (always, on a solo desk); in red while it does not, so the agent knows
     * before trying to send that nothing would be saved. The link changes on the follower's thread, so this asks.
     */
    private Label officeNotAnswering() {
        Label down = new Label(texts.get("status.officeNotAnswering"));
        down.setId("officeNotAnswering");
        down.getStyleClass().add(Css.FORM_ERROR);
        down.managedProperty().bind(down.visibleProperty());
        down.setVisible(!services.officeAnswering().getAsBoolean());
        officeWatch = new Timeline(new KeyFrame(Duration.millis(500), e -> down.setVisible(!services.officeAnswering().getAsBoolean())));
        officeWatch.setCycleCount(Animation.INDEFINITE);
        officeWatch.play();
        return down;
    }

    private static Separator separator() {
        return new Separator(Orientation.VERTICAL);
    }

    private void info(String title, String text) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(scene.getWindow());
        alert.setTitle(title);
        alert.setHeaderText(title);
        TextArea area = new TextArea(text);
        area.setEditable(false);
        area.setWrapText(true);
        area.setPrefSize(520, 240);
        alert.getDialogPane().setContent(area);
        alert.show();
    }

    private void openArticle(String articleId) {
        tasks.execute(texts.get("activity.kbOpen"), services.io(), () -> services.knowledgeBase().find(articleId),
                found -> found.ifPresent(a -> ArticleReader.show(a, scene.getWindow(), texts, zone, scene)),
                e -> info(texts.get("error.title"), texts.failure(e)));
    }

    private void settingsDialog() {
        UiSettings current = session.settings();
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(scene.getWindow());
        dialog.setTitle(texts.get("settings.title"));
        dialog.setHeaderText(texts.get("settings.title"));
        ChoiceBox<UiSettings.Theme> theme = new ChoiceBox<>(FXCollections.observableArrayList(UiSettings.Theme.values()));
        theme.setId("themeChoice");
        theme.setValue(current.theme());
        theme.setConverter(converter(t -> texts.get("theme." + t.name())));
        ChoiceBox<UiSettings.UiLanguage> language = new ChoiceBox<>(FXCollections.observableArrayList(UiSettings.UiLanguage.values()));
        language.setId("languageChoice");
        language.setValue(current.language());
        language.setConverter(converter(l -> texts.get("language." + l.name())));
        GridPane grid = Forms.grid();
        grid.addRow(0, new Label(texts.get("settings.theme")), theme);
        grid.addRow(1, new Label(texts.get("settings.language")), language);
        // Where the office's backups go is the supervisors' business; agents see the theme and language only.
        java.util.Optional<BackupScheduleForm> backup = user.role().atLeast(Role.SUPERVISOR)
                ? java.util.Optional.of(new BackupScheduleForm(services.backups().schedule())) : java.util.Optional.empty();
        backup.ifPresent(form -> form.addTo(grid, 2, texts));
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> {
            session.changeSettings(new UiSettings(theme.getValue(), language.getValue()));
            backup.ifPresent(form -> {
                try {
                    services.backups().changeSchedule(form.schedule());
                } catch (RuntimeException e) {
                    info(texts.get("error.title"), texts.failure(e));
                }
            });
        });
    }

    private void usersDialog() {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(scene.getWindow());
        dialog.setTitle(texts.get("users.title"));
        dialog.setHeaderText(texts.get("users.header"));
        TextField username = new TextField();
        TextField displayName = new TextField();
        ChoiceBox<Role> role = new ChoiceBox<>(FXCollections.observableArrayList(Role.values()));
        role.setValue(Role.AGENT);
        role.setConverter(converter(r -> texts.get("role." + r.name())));
        PasswordField password = new PasswordField();
        Label existing = new Label();
        existing.getStyleClass().addAll(Css.TEXT_MUTED, Css.TEXT_SMALL);
        existing.setWrapText(true);
        tasks.execute(texts.get("activity.users"), services.io(), () -> services.accounts().users(),
                users -> existing.setText(texts.format("users.existing", String.join(", ",
                        users.stream().map(u -> u.username() + " (" + texts.get("role." + u.role().name()) + ")").toList()))),
                e -> existing.setText(texts.failure(e)));
        GridPane grid = Forms.grid();
        grid.addRow(0, new Label(texts.get("signIn.username")), username);
        grid.addRow(1, new Label(texts.get("firstRun.displayName")), displayName);
        grid.addRow(2, new Label(texts.get("users.role")), role);
        grid.addRow(3, new Label(texts.get("signIn.password")), password);
        grid.add(existing, 0, 4, 2, 1);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> {
            char[] pw = password.getText().toCharArray();
            String name = username.getText();
            String display = displayName.getText();
            Role chosen = role.getValue();
            tasks.execute(texts.get("activity.users"), services.io(), () -> {
                try {
                    return services.accounts().createUser(user.username(), name, display, chosen, pw);
                } finally {
                    Arrays.fill(pw, '\0');
                }
            }, created -> info(texts.get("users.title"), texts.format("users.created", created.username(),
                    texts.get("role." + created.role().name()))), e -> info(texts.get("users.title"), texts.failure(e)));
        });
    }

}
