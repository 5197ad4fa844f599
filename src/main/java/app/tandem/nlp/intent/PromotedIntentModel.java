package app.tandem.nlp.intent;

import app.tandem.nlp.EncoderService;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The promoted intent model as the desk uses it, switched without a restart: {@link #reload()} loads
 * the store's current version (call it off the FX thread), swaps it in atomically and closes the one it
 * replaces. A classification that is running keeps its model until it returns: the old model is
 * closed only after it has finished, because a fine-tuned version holds a private encoder that must
 * not be freed under a running forward pass.
 */
public final class PromotedIntentModel implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PromotedIntentModel.class);

    /** What the model said about a turn, and which version said it. */
    public record Answer(String version, IntentPrediction prediction) {}

    private final IntentModelStore store;
    private final Supplier<Optional<EncoderService>> encoders;
    // Classifications hold the read lock for their whole run; a swap takes the write lock only to
    // replace the reference, so it waits for running ones and never for a slow load.
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private IntentClassifier current;
    private List<String> languages = List.of();
    private boolean closed;

    /**
     * @param encoders the desk's shared encoders when loaded: a frozen-encoder version reuses them
     *                 instead of loading its own copy
     */
    public PromotedIntentModel(IntentModelStore store, Supplier<Optional<EncoderService>> encoders) {
        this.store = store;
        this.encoders = encoders;
    }

    public IntentModelStore store() {
        return store;
    }

    /**
     * Makes the store's current version the one in use (nothing when none is promoted or it cannot
     * load: the desk then falls back to its other intent sources). Blocks while loading; synchronized
     * so that the last promotion or rollback wins. Returns the version now in use.
     */
    public synchronized Optional<String> reload() {
        Optional<String> wanted = store.current();
        Optional<String> inUse = version();
        if (wanted.equals(inUse)) {
            return inUse;
        }
        Optional<IntentClassifier> loaded = wanted.isEmpty() ? Optional.empty()
                : IntentClassifier.loadCurrent(store, encoders.get());
        List<String> speaks = loaded.map(IntentClassifier::languages).orElse(List.of());
        IntentClassifier old = swap(loaded.orElse(null), speaks);
        if (old != null) {
            old.close();
        }
        Optional<String> now = version();
        LOG.info("intent model in use: {}", now.orElse("none"));
        return now;
    }

    /** The version in use, if any. */
    public Optional<String> version() {
        lock.readLock().lock();
        try {
            return Optional.ofNullable(current).map(IntentClassifier::version);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The intent of one turn by the version in use; empty when none is loaded, the text is blank, the
     * encoder fails, or the turn is in a language the model's encoder was not made for ({@code languageCode},
     * ISO 639-1: an English encoder's vector of a Chinese sentence is noise, not an intent).
     */
    public Optional<Answer> classify(String text, String languageCode) {
        lock.readLock().lock();
        try {
            if (current == null || !languages.contains(languageCode)) {
                return Optional.empty();
            }
            IntentClassifier model = current;
            return model.classify(text).map(p -> new Answer(model.version(), p));
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The model in use's out-of-scope threshold (0 when none is loaded or it was trained without out-of-scope data). */
    public double outOfScopeThreshold() {
        lock.readLock().lock();
        try {
            return current == null ? 0 : current.outOfScopeThreshold();
        } finally {
            lock.readLock().unlock();
        }
    }

    private IntentClassifier swap(IntentClassifier next, List<String> nextLanguages) {
        lock.writeLock().lock();
        try {
            if (closed) {
                if (next != null) {
                    next.close();
                }
                return null;
            }
            IntentClassifier old = current;
            current = next;
            languages = nextLanguages;
            return old;
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public void close() {
        IntentClassifier old;
        lock.writeLock().lock();
        try {
            closed = true;
            old = current;
            current = null;
        } finally {
            lock.writeLock().unlock();
        }
        if (old != null) {
            old.close();
        }
    }
}
