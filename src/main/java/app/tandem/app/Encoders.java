package app.tandem.app;

import app.tandem.kb.KnowledgeBase;
import app.tandem.kb.SemanticEncoders;
import app.tandem.nlp.EncoderService;
import app.tandem.nlp.EncoderSettings;
import app.tandem.nlp.EngineStatus;
import app.tandem.nlp.Language;
import app.tandem.nlp.ModelStatus;
import app.tandem.nlp.TextEncoder;
import app.tandem.work.Progress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sentence encoders, loaded in the background so the desk opens at once: loading the PyTorch
 * engine and the models takes a few seconds, and keyword search works without them meanwhile.
 */
public final class Encoders implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Encoders.class);

    private final CompletableFuture<EncoderService> service;
    /** True for a run that never meant to load them: the status says so rather than report a failure. */
    private final boolean off;
    private volatile int indexing = -1;
    private volatile CompletableFuture<Void> attaching = CompletableFuture.completedFuture(null);

    private Encoders(CompletableFuture<EncoderService> service, boolean off) {
        this.service = service;
        this.off = off;
    }

    /** Starts loading on a thread of its own; fine-tuned weights come from {@code trainedRoot} when present. */
    static Encoders loadInBackground(Path trainedRoot) {
        CompletableFuture<EncoderService> future = new CompletableFuture<>();
        Thread loader = new Thread(() -> {
            try {
                future.complete(EncoderService.start(EncoderSettings.defaults(Optional.of(trainedRoot))));
            } catch (RuntimeException | LinkageError e) {
                log.error("The sentence encoders could not start; keyword search only", e);
                future.completeExceptionally(e);
            }
        }, "tandem-model-loader");
        loader.setDaemon(true);
        loader.start();
        return new Encoders(future, false);
    }

    /** For start-ups that need no models (tests, short commands). */
    static Encoders none() {
        return new Encoders(CompletableFuture.failedFuture(new IllegalStateException(EngineStatus.notLoaded().failure())), true);
    }

    /** The encoders once loaded; empty while loading or when they could not start. */
    Optional<EncoderService> ready() {
        return service.isDone() && !service.isCompletedExceptionally() ? Optional.of(service.join()) : Optional.empty();
    }

    /**
     * Once the encoders are loaded, hands them to the knowledge base, which re-encodes its index if
     * it was built without them (or with other weights); the status line shows the progress.
     */
    void whenReady(KnowledgeBase knowledgeBase) {
        attaching = service.thenAcceptAsync(loaded -> {
            Progress progress = new Progress() {
                @Override
                public void update(long done, long total, String message) {
                    indexing = total > 0 && done < total ? (int) (done * 100 / total) : -1;
                }

                @Override
                public boolean isCancelled() {
                    return Thread.currentThread().isInterrupted();
                }
            };
            try {
                if (knowledgeBase.useEncoders(semantic(loaded), progress)) {
                    log.info("The knowledge-base index now holds sentence vectors");
                }
            } catch (RuntimeException e) {
                log.error("Could not add sentence vectors to the knowledge-base index; keyword search only", e);
            } finally {
                indexing = -1;
            }
        });
    }

    /** Runs {@code work} on the loader's thread once the knowledge base has its encoders; never if they fail. */
    void afterAttached(Runnable work) {
        attaching = attaching.thenRun(work);
    }

    /** The loaded encoders as the knowledge base sees them: by article language, with their vector spaces. */
    public static SemanticEncoders semantic(EncoderService service) {
        Map<String, TextEncoder> byLanguage = new HashMap<>();
        Map<String, String> spaces = new HashMap<>();
        for (Language language : Language.values()) {
            service.encoderFor(language).ifPresent(encoder -> {
                byLanguage.put(language.code(), encoder);
                String weights = service.status().models().stream().filter(m -> m.modelId().equals(encoder.modelId()))
                        .map(ModelStatus::detail).findFirst().orElse("");
                spaces.put(language.code(), encoder.modelId() + " | " + weights);
            });
        }
        return new SemanticEncoders(byLanguage, spaces);
    }

    /**
     * Waits until the encoders are loaded and handed to the knowledge base (and the work queued after
     * that is done); returns at once when they could not load.
     */
    void awaitAttached(Duration timeout) {
        try {
            attaching.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException | java.util.concurrent.CancellationException e) {
            log.warn("Sentence encoders not attached: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for loading to finish (for {@code doctor}). */
    Optional<EncoderService> await(Duration timeout) {
        try {
            return Optional.of(service.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (ExecutionException | TimeoutException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** One line for the status bar and {@code doctor}. */
    EngineStatus status() {
        if (!service.isDone()) {
            return EngineStatus.loading();
        }
        if (off) {
            return EngineStatus.notLoaded();
        }
        if (service.isCompletedExceptionally()) {
            return EngineStatus.keywordsOnly(service.handle((s, e) -> e == null ? "" : rootMessage(e)).join());
        }
        return EngineStatus.ready(service.join().status(), indexing);
    }

    static String detail(ModelStatus m) {
        return String.format("%-20s %-13s %s%s", m.modelId(), m.state(), m.explanation(),
                m.loadMillis() > 0 ? " (loaded in " + m.loadMillis() + " ms)" : "");
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return String.valueOf(t.getMessage());
    }

    /** Waits briefly for a running re-encode (it must not outlive the index), then frees the models. */
    @Override
    public void close() {
        try {
            attaching.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException | java.util.concurrent.CancellationException e) {
            log.warn("Closing while the knowledge base was still being re-encoded");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        service.thenAccept(EncoderService::close);
    }
}
