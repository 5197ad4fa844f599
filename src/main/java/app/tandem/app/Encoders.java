package app.tandem.app;

import app.tandem.nlp.EncoderService;
import app.tandem.nlp.EncoderSettings;
import app.tandem.nlp.EncoderStatus;
import app.tandem.nlp.ModelStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sentence encoders, loaded in the background so the desk opens at once: loading the PyTorch
 * engine and the models takes a few seconds, and keyword search works without them meanwhile.
 */
final class Encoders implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Encoders.class);

    private final CompletableFuture<EncoderService> service;

    private Encoders(CompletableFuture<EncoderService> service) {
        this.service = service;
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
        return new Encoders(future);
    }

    /** For start-ups that need no models (tests, short commands). */
    static Encoders none() {
        return new Encoders(CompletableFuture.failedFuture(new IllegalStateException("models not loaded in this run")));
    }

    /** The encoders once loaded; empty while loading or when they could not start. */
    Optional<EncoderService> ready() {
        return service.isDone() && !service.isCompletedExceptionally() ? Optional.of(service.join()) : Optional.empty();
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
    String statusLine() {
        if (!service.isDone()) {
            return "Loading language models… (keyword search meanwhile)";
        }
        if (service.isCompletedExceptionally()) {
            return "Keyword search only: " + service.handle((s, e) -> e == null ? "" : rootMessage(e)).join();
        }
        return describe(service.join().status());
    }

    static String describe(EncoderStatus status) {
        String models = status.routing().entrySet().stream()
                .sorted(java.util.Map.Entry.comparingByKey())
                .map(e -> e.getKey().code() + ": " + e.getValue() + (status.available(e.getKey()) ? "" : " (unavailable)"))
                .collect(Collectors.joining(", "));
        String line = "Device " + status.device() + " · " + models;
        return status.problem().map(p -> line + " — keyword search only where unavailable: " + p).orElse(line);
    }

    static String detail(ModelStatus m) {
        return String.format("%-20s %-13s %s%s", m.modelId(), m.state(), m.detail(),
                m.loadMillis() > 0 ? " (loaded in " + m.loadMillis() + " ms)" : "");
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return String.valueOf(t.getMessage());
    }

    @Override
    public void close() {
        service.thenAccept(EncoderService::close);
    }
}
