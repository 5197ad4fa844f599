package app.tandem.nlp.intent;

import app.tandem.privacy.Redactor;
import java.time.Clock;
import java.util.List;

/**
 * The office's own intent training examples, kept in H2: agents' intent corrections and the intents of
 * conversations resolved with a one-intent article (and any rows a command imports). Text is PII-redacted ({@link Redactor}) before it is stored, so card numbers,
 * IBANs, phone numbers and e-mail addresses never reach the training data or a saved model's report.
 *
 * <pre>{@code
 * trainingSet.add(customerTurn, "card_arrival", "conversation:" + id);   // after the agent confirms the intent
 * }</pre>
 */
public final class IntentTrainingSet {

    private final IntentExampleRepository repository;
    private final Clock clock;

    public IntentTrainingSet(IntentExampleRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /**
     * Adds one example (redacted, whitespace collapsed). Blank text or intent is refused with an
     * {@link IllegalArgumentException}; a duplicate is ignored. Returns true when it was stored.
     */
    public boolean add(String text, String intent, String source) {
        if (text == null || text.isBlank() || intent == null || intent.isBlank()) {
            throw new IllegalArgumentException("an intent example needs text and an intent");
        }
        String clean = Redactor.redact(text.strip().replaceAll("\\s+", " "));
        return repository.add(clean, intent.strip(), source == null ? "" : source, clock.instant());
    }

    /**
     * What one source says now, replacing what it said before: an agent who corrects the same turn twice
     * leaves one example, not two that contradict each other (and would both be dropped as conflicting).
     */
    public boolean set(String text, String intent, String source) {
        repository.all().stream().filter(e -> e.source().equals(source)).forEach(e -> repository.remove(e.id()));
        return add(text, intent, source);
    }

    /** Adds imported rows; returns how many were new. */
    public int addAll(List<IntentExample> examples, String source) {
        int added = 0;
        for (IntentExample e : examples) {
            if (add(e.text(), e.intent(), source)) {
                added++;
            }
        }
        return added;
    }

    public List<IntentExample> examples() {
        return repository.all().stream().map(s -> new IntentExample(s.text(), s.intent())).toList();
    }

    public List<IntentExampleRepository.StoredExample> stored() {
        return repository.all();
    }

    public int size() {
        return repository.count();
    }
}
