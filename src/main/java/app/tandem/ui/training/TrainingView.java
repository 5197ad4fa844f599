package app.tandem.ui.training;

import app.tandem.ml.train.EpochStats;
import app.tandem.ui.common.Css;
import app.tandem.ui.common.EmptyStates;
import app.tandem.ui.common.Texts;
import java.io.File;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/** The Training tab's nodes, bound to a {@link TrainingViewModel}. */
public final class TrainingView {

    private final VBox root = new VBox(10);

    public TrainingView(TrainingViewModel vm, Texts texts) {
        Button choose = new Button(texts.get("training.choose"));
        choose.setId("trainingChoose");
        // The path can also be typed or pasted (Enter reads it): quicker than the file dialog for a known file.
        TextField file = new TextField();
        file.setId("trainingDataPath");
        file.setPromptText(texts.get("training.pathPrompt"));
        file.setPrefColumnCount(28);
        vm.dataFileProperty().addListener((o, a, b) -> file.setText(b == null ? "" : b.toString()));
        file.setOnAction(e -> {
            if (!file.getText().isBlank()) {
                vm.chooseData(Path.of(file.getText().strip()));
            }
        });
        CheckBox fineTune = new CheckBox(texts.get("training.fineTune"));
        fineTune.setId("trainingFineTune");
        fineTune.selectedProperty().bindBidirectional(vm.fineTuneProperty());
        Button start = new Button(texts.get("training.start"));
        start.setId("trainingStart");
        Button cancel = new Button(texts.get("training.cancel"));
        cancel.setId("trainingCancel");
        start.disableProperty().bind(vm.stateProperty().isEqualTo(TrainingViewModel.State.TRAINING));
        cancel.disableProperty().bind(vm.stateProperty().isNotEqualTo(TrainingViewModel.State.TRAINING));
        choose.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(texts.get("training.csvFilter"), "*.csv"));
            File f = chooser.showOpenDialog(root.getScene() == null ? null : root.getScene().getWindow());
            if (f != null) {
                vm.chooseData(f.toPath());
            }
        });
        start.setOnAction(e -> vm.start());
        cancel.setOnAction(e -> vm.cancel());
        HBox controls = new HBox(8, choose, file, fineTune, start, cancel);
        controls.setAlignment(Pos.CENTER_LEFT);

        Label summary = new Label();
        summary.setWrapText(true);
        summary.getStyleClass().add(Css.TEXT_MUTED);
        summary.textProperty().bind(vm.dataSummaryProperty());
        Label office = new Label();
        office.setId("trainingOfficeExamples");
        office.setWrapText(true);
        office.getStyleClass().add(Css.TEXT_MUTED);
        office.textProperty().bind(vm.officeExamplesProperty());
        ProgressBar bar = new ProgressBar();
        bar.setId("trainingProgress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(vm.progressProperty());
        Label message = new Label();
        message.setId("trainingMessage");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());

        NumberAxis x = new NumberAxis();
        x.setLabel(texts.get("training.axis.epoch"));
        NumberAxis y = new NumberAxis();
        LineChart<Number, Number> chart = new LineChart<>(x, y);
        chart.setId("trainingChart");
        chart.setCreateSymbols(false);
        chart.setAnimated(false);
        XYChart.Series<Number, Number> loss = new XYChart.Series<>();
        loss.setName(texts.get("training.series.loss"));
        XYChart.Series<Number, Number> accuracy = new XYChart.Series<>();
        accuracy.setName(texts.get("training.series.accuracy"));
        chart.getData().add(loss);
        chart.getData().add(accuracy);
        vm.curve().addListener((ListChangeListener<EpochStats>) change -> {
            loss.getData().clear();
            accuracy.getData().clear();
            int i = 0;
            for (EpochStats s : vm.curve()) {
                i++;
                loss.getData().add(new XYChart.Data<>(i, s.trainLoss()));
                if (!Double.isNaN(s.validationAccuracy())) {
                    accuracy.getData().add(new XYChart.Data<>(i, s.validationAccuracy()));
                }
            }
        });

        // An empty chart, list or report says what will appear there and how to get it.
        Label noCurve = placeholder(texts.get("training.chartEmpty"), "trainingChartPlaceholder");
        noCurve.visibleProperty().bind(Bindings.isEmpty(vm.curve()));
        chart.visibleProperty().bind(Bindings.isNotEmpty(vm.curve()));
        StackPane curve = new StackPane(chart, noCurve);

        ListView<TrainingViewModel.VersionRow> versions = new ListView<>(vm.versions());
        versions.setId("trainingVersions");
        versions.setPlaceholder(placeholder(texts.get("training.noVersions"), "trainingVersionsPlaceholder"));
        TextArea report = new TextArea();
        report.setEditable(false);
        report.setId("trainingReport");
        Label noReport = placeholder(texts.get("training.reportEmpty"), "trainingReportPlaceholder");
        noReport.visibleProperty().bind(report.textProperty().isEmpty());
        noReport.setMouseTransparent(true);
        StackPane reportPane = new StackPane(report, noReport);
        versions.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> report.setText(vm.reportText(b)));
        Button promote = new Button(texts.get("training.promote"));
        promote.setId("trainingPromote");
        promote.disableProperty().bind(versions.getSelectionModel().selectedItemProperty().isNull());
        promote.setOnAction(e -> vm.promote(versions.getSelectionModel().getSelectedItem().id()));
        Button rollback = new Button(texts.get("training.rollback"));
        rollback.setId("trainingRollback");
        rollback.disableProperty().bind(vm.canRollBackProperty().not());
        rollback.setOnAction(e -> vm.rollback());
        VBox left = new VBox(6, versions, new HBox(8, promote, rollback));
        VBox.setVgrow(versions, Priority.ALWAYS);
        SplitPane lower = new SplitPane(left, reportPane);
        lower.setDividerPositions(0.5);

        Label inUse = new Label();
        inUse.setId("trainingModelInUse");
        inUse.setWrapText(true);
        // The chart grows into all the room there is: without a floor the sentence would be cut to one line.
        inUse.setMinHeight(Region.USE_PREF_SIZE);
        inUse.textProperty().bind(vm.modelInUseProperty());

        root.getChildren().addAll(inUse, controls, summary, office, bar, message, curve, lower);
        VBox.setVgrow(curve, Priority.ALWAYS);
        VBox.setVgrow(lower, Priority.ALWAYS);
        root.setPadding(new Insets(12));
    }

    public Node node() {
        return root;
    }

    /** Narrower than the pane: a sentence across a whole wide chart is hard to read. */
    private static Label placeholder(String text, String id) {
        Label label = EmptyStates.label(text, id);
        label.setMaxWidth(420);
        return label;
    }
}
