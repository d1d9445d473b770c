package org.roomnet.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import org.roomnet.core.classify.ModelLoadException;
import org.roomnet.core.classify.ProviderPreference;
import org.roomnet.core.classify.RoomClassifier;
import picocli.CommandLine.Option;

/** {@code --model} and {@code --provider}, for every command that runs the model. */
public final class ModelOptions {

    @Option(
            names = "--model",
            paramLabel = "<file.onnx>",
            description = "model file (default: the shipped model/roomnet.onnx)")
    Path model;

    @Option(
            names = "--provider",
            paramLabel = "auto|cpu|cuda",
            defaultValue = "auto",
            converter = ProviderConverter.class,
            description = "execution provider (default: ${DEFAULT-VALUE}: CUDA when usable, else CPU)")
    ProviderPreference provider;

    /** The model asked for, else the shipped one. */
    public Path modelFile() throws ModelLoadException {
        return CliSupport.resolveModel(model);
    }

    /** Opens the model and says on {@code err} which model and provider run. */
    public RoomClassifier open(PrintStream err) throws ModelLoadException {
        Path file = modelFile();
        RoomClassifier classifier = RoomClassifier.open(file, provider);
        CliSupport.printProvider(err, classifier, file);
        return classifier;
    }

    /** As {@code --provider} takes it, for a command run in a new JVM. */
    public String providerName() {
        return provider.name().toLowerCase(Locale.ROOT);
    }
}
