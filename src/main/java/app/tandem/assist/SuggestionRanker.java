package app.tandem.assist;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Orders candidate replies, best first. The default is by calibrated confidence. */
@FunctionalInterface
public interface SuggestionRanker {

    List<AssistService.Candidate> order(List<AssistService.Candidate> candidates);

    SuggestionRanker BY_CONFIDENCE = candidates -> {
        List<AssistService.Candidate> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparingDouble(AssistService.Candidate::confidence).reversed());
        return sorted;
    };
}
