package org.roomnet.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import org.roomnet.core.classify.ModelLoadException;
import org.roomnet.core.classify.ModelLocator;
import org.roomnet.core.classify.RoomClassifier;
import org.roomnet.core.util.RealPaths;

final class CliSupport {

    private CliSupport() {}

    /**
     * The shoot folder as the commands work on it: its real path, resolved once, so that a symbolic
     * link to the shoot lists its photos and compares as the shoot (issue 18, point 10).
     */
    static Path shootFolder(Path folder) {
        return RealPaths.of(folder);
    }

    static Path resolveModel(Path requested) throws ModelLoadException {
        if (requested != null) {
            return requested;
        }
        return ModelLocator.find()
                .orElseThrow(() -> new ModelLoadException(
                        "no model found; looked at " + ModelLocator.candidates() + " (use --model <file.onnx>)"));
    }

    static void printProvider(PrintStream err, RoomClassifier classifier, Path modelFile) {
        var d = classifier.description();
        err.printf("model: %s %s (%s)%n", d.name(), d.version(), modelFile);
        err.printf(
                "execution provider: %s%s%n",
                classifier.provider().displayName(),
                classifier.providerNote().isEmpty() ? "" : " (" + classifier.providerNote() + ")");
    }
}
