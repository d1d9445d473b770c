package org.roomnet.cli;

import org.roomnet.core.classify.ModelLoadException;
import org.roomnet.core.classify.ModelLocator;
import org.roomnet.core.classify.RoomClassifier;

import java.io.PrintStream;
import java.nio.file.Path;

final class CliSupport {

    private CliSupport() {
    }

    static Path resolveModel(Path requested) throws ModelLoadException {
        if (requested != null) {
            return requested;
        }
        return ModelLocator.find().orElseThrow(() -> new ModelLoadException(
                "no model found; looked at " + ModelLocator.candidates() + " (use --model <file.onnx>)"));
    }

    static void printProvider(PrintStream err, RoomClassifier classifier, Path modelFile) {
        var d = classifier.description();
        err.printf("model: %s %s (%s)%n", d.name(), d.version(), modelFile);
        err.printf("execution provider: %s%s%n", classifier.provider().displayName(),
                classifier.providerNote().isEmpty() ? "" : " (" + classifier.providerNote() + ")");
    }
}
