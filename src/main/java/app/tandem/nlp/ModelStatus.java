package app.tandem.nlp;

import java.util.List;

/**
 * How one catalogued encoder stands.
 *
 * @param modelId   catalog id
 * @param languages ISO codes the model serves
 * @param state     LOADED, UNAVAILABLE (with the reason in {@code detail}) or NOT_SELECTED
 * @param detail    where the weights came from, or why the model could not load, for a person to read
 * @param loadMillis time the load took (0 when not loaded)
 */
public record ModelStatus(String modelId, List<String> languages, State state, String detail, long loadMillis) {

    public enum State { LOADED, UNAVAILABLE, NOT_SELECTED }

    public ModelStatus {
        languages = List.copyOf(languages);
    }
}
