package org.roomnet.app.main;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.roomnet.core.classify.RoomClassifier;

/**
 * What the status bar says besides the counts ({@link ReviewCounts}): the last message, progress,
 * the execution provider and the model.
 */
public final class StatusModel {

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
        model.set(
                classifier.description().name() + " " + classifier.description().version());
    }

    void modelFailed() {
        provider.set("No model");
        model.set("");
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
