package org.roomnet.app.main;

import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/**
 * Binds the status bar: the review's counts, the last message (which gives way first when the window
 * is narrow: its full text is in its tooltip), progress with Cancel, the execution provider and the model.
 */
final class StatusBar {

    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");

    private final MainViewModel viewModel;
    private final Label summary;
    private final Label message;
    private final HBox progressBox;
    private final ProgressBar progressBar;
    private final Label progressText;
    private final Button cancel;
    private final Label provider;
    private final Label model;

    StatusBar(
            MainViewModel viewModel,
            Label summary,
            Label message,
            HBox progressBox,
            ProgressBar progressBar,
            Label progressText,
            Button cancel,
            Label provider,
            Label model) {
        this.viewModel = viewModel;
        this.summary = summary;
        this.message = message;
        this.progressBox = progressBox;
        this.progressBar = progressBar;
        this.progressText = progressText;
        this.cancel = cancel;
        this.provider = provider;
        this.model = model;
    }

    void bind() {
        StatusModel status = viewModel.status();
        summary.textProperty().bind(viewModel.counts().summaryProperty());
        message.textProperty().bind(status.messageProperty());
        Tooltip full = new Tooltip();
        full.textProperty().bind(status.messageProperty());
        message.tooltipProperty()
                .bind(Bindings.when(status.messageProperty().isEmpty())
                        .then((Tooltip) null)
                        .otherwise(full));
        status.messageIsErrorProperty().addListener((o, was, now) -> message.pseudoClassStateChanged(ERROR, now));
        provider.textProperty().bind(status.providerProperty());
        provider.setTooltip(new Tooltip());
        provider.getTooltip()
                .textProperty()
                .bind(Bindings.createStringBinding(
                        () -> "Execution provider: "
                                + status.providerProperty().get()
                                + (status.providerDetailProperty().get().isEmpty()
                                        ? ""
                                        : "\n" + status.providerDetailProperty().get()),
                        status.providerProperty(),
                        status.providerDetailProperty()));
        model.textProperty().bind(status.modelProperty());
        progressBox.visibleProperty().bind(viewModel.busyProperty());
        progressBox.managedProperty().bind(progressBox.visibleProperty());
        progressBar.progressProperty().bind(status.progressProperty());
        progressText.textProperty().bind(status.progressTextProperty());
        cancel.visibleProperty().bind(viewModel.cancellableProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
    }
}
