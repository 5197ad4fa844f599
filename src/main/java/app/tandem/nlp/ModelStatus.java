package app.tandem.nlp;

import java.util.List;

/**
 * How one catalogued encoder stands.
 *
 * @param modelId   catalog id
 * @param languages ISO codes the model serves
 * @param state     LOADED, UNAVAILABLE (why in {@code cause} and {@code detail}) or NOT_SELECTED
 * @param cause     UNAVAILABLE: what kind of failure, so the desk can say it in the person's language; else NONE
 * @param detail    where the weights came from, or the technical part of why the model could not load
 *                  (an exception's or the catalog's own words, as they came)
 * @param loadMillis time the load took (0 when not loaded)
 */
public record ModelStatus(String modelId, List<String> languages, State state, Cause cause, String detail, long loadMillis) {

    public enum State { LOADED, UNAVAILABLE, NOT_SELECTED }

    /** Why a model is UNAVAILABLE. */
    public enum Cause {
        NONE,
        /** The PyTorch engine itself did not start: no model can load. */
        ENGINE_FAILED,
        /** The settings route a language to an id the catalog does not list. */
        NOT_IN_CATALOG,
        /** A model file is missing from the classpath, unreadable, or not the catalogued version. */
        FILES_UNAVAILABLE,
        /** Anything else that went wrong while loading. */
        LOAD_FAILED
    }

    public ModelStatus {
        languages = List.copyOf(languages);
    }

    public static ModelStatus loaded(String modelId, List<String> languages, String weights, long loadMillis) {
        return new ModelStatus(modelId, languages, State.LOADED, Cause.NONE, weights, loadMillis);
    }

    public static ModelStatus notSelected(String modelId, List<String> languages) {
        return new ModelStatus(modelId, languages, State.NOT_SELECTED, Cause.NONE, "not routed to any language", 0);
    }

    public static ModelStatus unavailable(String modelId, List<String> languages, Cause cause, String detail) {
        return new ModelStatus(modelId, languages, State.UNAVAILABLE, cause, detail, 0);
    }

    /** {@code detail} in a sentence, in English, for the log, {@code doctor} and the command line. */
    public String explanation() {
        return switch (cause) {
            case NONE, FILES_UNAVAILABLE -> detail;
            case ENGINE_FAILED -> "PyTorch engine could not start: " + detail;
            case NOT_IN_CATALOG -> "model " + modelId + " is not in the catalog (models/index.txt)";
            case LOAD_FAILED -> "model " + modelId + " failed to load: " + detail;
        };
    }
}
