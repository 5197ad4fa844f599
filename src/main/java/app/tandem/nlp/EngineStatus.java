package app.tandem.nlp;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The status bar's line about the language models, as data: loading, keyword search only (and why),
 * or ready on a device with its models; plus how far a re-encode of the knowledge base has got. The
 * desk says it in the person's language; {@link #english()} is the same line for the command line.
 *
 * @param why              KEYWORDS_ONLY: not loaded in this run (a demo, a test, a short command), or could not start
 * @param failure          KEYWORDS_ONLY: why the models did not start (a technical message, as it came)
 * @param indexingPercent  0..99 while the knowledge base is being indexed by meaning, else −1
 */
public record EngineStatus(State state, Optional<EncoderStatus> encoders, KeywordsOnly why, String failure, int indexingPercent) {

    public enum State { LOADING, KEYWORDS_ONLY, READY }

    /** Why keyword search only; NONE in the other states. */
    public enum KeywordsOnly { NONE, NOT_LOADED, COULD_NOT_START }

    public static EngineStatus loading() {
        return new EngineStatus(State.LOADING, Optional.empty(), KeywordsOnly.NONE, "", -1);
    }

    /** A run started without the models on purpose. */
    public static EngineStatus notLoaded() {
        return new EngineStatus(State.KEYWORDS_ONLY, Optional.empty(), KeywordsOnly.NOT_LOADED, "models not loaded in this run", -1);
    }

    public static EngineStatus keywordsOnly(String failure) {
        return new EngineStatus(State.KEYWORDS_ONLY, Optional.empty(), KeywordsOnly.COULD_NOT_START, failure, -1);
    }

    public static EngineStatus ready(EncoderStatus encoders, int indexingPercent) {
        return new EngineStatus(State.READY, Optional.of(encoders), KeywordsOnly.NONE, "", indexingPercent);
    }

    public boolean indexing() {
        return indexingPercent >= 0;
    }

    public String english() {
        return switch (state) {
            case LOADING -> "Loading language models… (keyword search meanwhile)";
            case KEYWORDS_ONLY -> "Keyword search only: " + failure;
            case READY -> (indexing() ? "Indexing the knowledge base by meaning… " + indexingPercent + "% · " : "")
                    + describe(encoders.orElseThrow());
        };
    }

    private static String describe(EncoderStatus status) {
        String models = status.routing().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey().code() + ": " + e.getValue() + (status.available(e.getKey()) ? "" : " (unavailable)"))
                .collect(Collectors.joining(", "));
        String line = "Device " + status.device() + " · " + models;
        return status.problem().map(p -> line + " — keyword search only where unavailable: " + p).orElse(line);
    }

    @Override
    public String toString() {
        return english();
    }
}
