package app.tandem.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.tandem.nlp.intent.IntentMetrics;
import app.tandem.nlp.intent.IntentPrediction;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The desk-floor figures of {@code eval intents}: what the desk would show at its confidence floor. */
class EvalIntentsDeskFloorTest {

    @Test
    void coverageAccuracyAndOutOfScopeShown() {
        List<String> truth = List.of("a", "a", "b", "b", IntentMetrics.OUT_OF_SCOPE, IntentMetrics.OUT_OF_SCOPE);
        List<IntentPrediction> p = List.of(
                new IntentPrediction("a", 0.9, false),   // shown, right
                new IntentPrediction("b", 0.7, false),   // shown, wrong
                new IntentPrediction("b", 0.4, false),   // below the floor: the old chain answers
                new IntentPrediction("b", 0.95, true),   // flagged out of scope: not shown
                new IntentPrediction("a", 0.8, false),   // out of scope but shown
                new IntentPrediction("a", 0.3, false));  // out of scope, below the floor
        EvalIntentsCommand.DeskFloor d = EvalIntentsCommand.DeskFloor.of(0.5, truth, p);
        assertEquals(0.5, d.inScopeCovered(), 1e-9);
        assertEquals(0.5, d.coveredAccuracy(), 1e-9);
        assertEquals(0.5, d.oosShown(), 1e-9);
        assertEquals(Double.NaN, EvalIntentsCommand.DeskFloor.of(0.5, List.of("a"), List.of(p.get(0))).oosShown());
    }
}
