package app.tandem.nlp;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the status bar shows about semantic search: the inference device ("cpu" or "gpu(0)"), each
 * model's state, and which model serves which language. When a language has no loaded model the app
 * runs keyword search alone for it, and {@link #problem()} says why.
 */
public record EncoderStatus(String device, List<ModelStatus> models, Map<Language, String> routing) {

    public EncoderStatus {
        models = List.copyOf(models);
        routing = Map.copyOf(routing);
    }

    public boolean available(Language language) {
        String id = routing.get(language);
        return id != null && models.stream()
                .anyMatch(m -> m.modelId().equals(id) && m.state() == ModelStatus.State.LOADED);
    }

    /** The first reason a model is unavailable, in English, if any. */
    public Optional<String> problem() {
        return unavailable().map(ModelStatus::explanation);
    }

    /** The first model that is unavailable, if any: the desk words its cause in the person's language. */
    public Optional<ModelStatus> unavailable() {
        return models.stream()
                .filter(m -> m.state() == ModelStatus.State.UNAVAILABLE)
                .findFirst();
    }
}
