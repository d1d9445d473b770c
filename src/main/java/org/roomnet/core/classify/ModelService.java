package org.roomnet.core.classify;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The desktop app's one classifier, opened once in the background at start. Work that needs it waits
 * for it ({@link #await}); when no model could be opened, that work gets nothing and the app stays
 * usable for saved reviews.
 */
public final class ModelService implements AutoCloseable {

    /** Opens the model; may block. */
    @FunctionalInterface
    public interface Loader {
        RoomClassifier load() throws ModelLoadException;
    }

    private final Loader loader;
    private final boolean owned;
    private final CompletableFuture<RoomClassifier> classifier = new CompletableFuture<>();

    private ModelService(Loader loader, boolean owned) {
        this.loader = loader;
        this.owned = owned;
    }

    /** The shipped model (see {@link ModelLocator}), on CUDA when usable, else the CPU; closed with the service. */
    public static ModelService shipped() {
        return new ModelService(
                () -> {
                    var file = ModelLocator.find()
                            .orElseThrow(() -> new ModelLoadException(
                                    "No RoomNet model was found. Looked at: " + ModelLocator.candidates()));
                    return RoomClassifier.open(file, ProviderPreference.AUTO);
                },
                true);
    }

    /** A model opened by {@code loader} (and closed with the service). */
    public static ModelService loadingWith(Loader loader) {
        return new ModelService(loader, true);
    }

    /** A classifier opened elsewhere, not closed by this service (tests share one). */
    public static ModelService of(RoomClassifier shared) {
        return new ModelService(() -> shared, false);
    }

    /** Opens the model; call once, on a background thread. */
    public RoomClassifier load() throws ModelLoadException {
        try {
            RoomClassifier c = loader.load();
            classifier.complete(c);
            return c;
        } catch (ModelLoadException | RuntimeException | LinkageError e) {
            classifier.completeExceptionally(e);
            throw e;
        }
    }

    /** Waits for {@link #load} to finish; empty when it failed. Background threads only. */
    public Optional<RoomClassifier> await() throws InterruptedException {
        try {
            return Optional.of(classifier.get());
        } catch (ExecutionException e) {
            return Optional.empty();
        }
    }

    /** The classifier if it is loaded already. */
    public Optional<RoomClassifier> ifLoaded() {
        return classifier.isDone() && !classifier.isCompletedExceptionally()
                ? Optional.of(classifier.join())
                : Optional.empty();
    }

    @Override
    public void close() {
        if (owned) {
            ifLoaded().ifPresent(RoomClassifier::close);
        }
    }
}
