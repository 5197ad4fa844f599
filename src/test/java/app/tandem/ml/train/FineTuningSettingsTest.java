package app.tandem.ml.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FineTuningSettingsTest {

    @Test
    void settingsChangeOnlyTheNamedSetting() {
        FineTuningSettings d = FineTuningSettings.defaults();
        assertEquals(d, d.withEpochs(d.epochs()), "a copy keeps every other setting");
        FineTuningSettings s = d.withLabelSmoothing(0.1f).withAverageDecay(0.99f).onCpu().withSeed(5);
        assertEquals(new FineTuningSettings(d.epochs(), d.batchSize(), d.learningRate(), d.weightDecay(),
                d.warmupFraction(), d.freezeEmbeddings(), d.trainLastLayers(), d.evaluationsPerEpoch(),
                d.contrastiveWeight(), 0.1f, 0.99f, 5, false), s);
    }
}
