package org.roomnet.app.main;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.roomnet.core.classify.RoomClassifier;
import org.roomnet.core.review.Review;

/** What the status bar shows: the shoot's counts, the last message, progress, provider and model. */
public final class StatusModel {

    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("No shoot open");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper messageIsError = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper provider = new ReadOnlyStringWrapper("Loading model…");
    private final ReadOnlyStringWrapper providerDetail = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper model = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");

    void show(String text, boolean error) {
        message.set(text);
        messageIsError.set(error);
    }

    void progress(double value, String text) {
        progress.set(value);
        progressText.set(text);
    }

    void clearProgress() {
        progress(-1, "");
    }

    void modelLoaded(RoomClassifier classifier) {
        provider.set(classifier.provider().displayName());
        providerDetail.set(classifier.providerNote());
        model.set(classifier.description().name() + " " + classifier.description().version());
    }

    void modelFailed() {
        provider.set("No model");
        model.set("");
    }

    void summarize(Review review, boolean opening) {
        if (review == null) {
            summary.set(opening ? "Opening…" : "No shoot open");
            return;
        }
        long unreadable = review.unreadableCount();
        StringBuilder sb = new StringBuilder(MainViewModel.plural(review.size() - unreadable, "photo")).append(" loaded");
        sb.append(String.format(" \u00b7 %,d to review \u00b7 %,d corrected", review.needsReviewCount(),
                review.correctedCount()));
        if (unreadable > 0) {
            sb.append(String.format(" \u00b7 %,d unreadable", unreadable));
        }
        summary.set(sb.toString());
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty messageIsErrorProperty() {
        return messageIsError.getReadOnlyProperty();
    }

    /** "CPU" or "CUDA (NVIDIA GPU)". */
    public ReadOnlyStringProperty providerProperty() {
        return provider.getReadOnlyProperty();
    }

    /** Why the CPU is used although a GPU was allowed; empty otherwise. */
    public ReadOnlyStringProperty providerDetailProperty() {
        return providerDetail.getReadOnlyProperty();
    }

    /** The model's name and version. */
    public ReadOnlyStringProperty modelProperty() {
        return model.getReadOnlyProperty();
    }

    /** 0..1, or -1 for "busy, amount unknown". */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }
}
