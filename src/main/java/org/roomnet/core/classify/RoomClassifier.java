package org.roomnet.core.classify;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Owns one ONNX Runtime session on a RoomNet model. Inputs are pre-processed CHW tensors
 * (see {@link org.roomnet.core.imaging.Preprocessor}); outputs are one {@link Prediction} per input.
 * Thread-safe for {@link #classify}: ONNX Runtime sessions may be run concurrently.
 */
public final class RoomClassifier implements AutoCloseable {

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final ModelDescription description;
    private final ExecutionProvider provider;
    private final String providerNote;

    private RoomClassifier(OrtEnvironment environment, OrtSession session, ModelDescription description,
                           ExecutionProvider provider, String providerNote) {
        this.environment = environment;
        this.session = session;
        this.description = description;
        this.provider = provider;
        this.providerNote = providerNote;
    }

    /**
     * Opens the model, on CUDA when asked or allowed and an NVIDIA driver is present and the CUDA
     * provider loads; otherwise on the CPU, with {@link #providerNote()} saying why.
     */
    public static RoomClassifier open(Path modelFile, ProviderPreference preference) throws ModelLoadException {
        if (!Files.isRegularFile(modelFile)) {
            throw new ModelLoadException("model file not found: " + modelFile.toAbsolutePath());
        }
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try {
            env.setTelemetry(false); // no usage events; the device id file needs ORT_DISABLE_TELEMETRY (see TelemetryOff)
        } catch (OrtException e) {
            // a build without telemetry
        }
        String note = "";
        if (preference != ProviderPreference.CPU) {
            if (!NvidiaDriverProbe.driverPresent()) {
                note = "no NVIDIA driver found";
            } else {
                try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                    options.addCUDA(0);
                    OrtSession session = env.createSession(modelFile.toString(), options);
                    return new RoomClassifier(env, session, describe(session, modelFile), ExecutionProvider.CUDA, "");
                } catch (OrtException | RuntimeException | LinkageError e) {
                    note = "CUDA provider unavailable: " + firstLine(e.getMessage());
                }
            }
            if (preference == ProviderPreference.CUDA) {
                throw new ModelLoadException("CUDA was requested but cannot be used (" + note + ")");
            }
        }
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(Runtime.getRuntime().availableProcessors());
            // Idle inference threads must not spin: the decoding threads need those cores (docs/decisions/0009).
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            OrtSession session = env.createSession(modelFile.toString(), options);
            return new RoomClassifier(env, session, describe(session, modelFile), ExecutionProvider.CPU, note);
        } catch (OrtException e) {
            throw new ModelLoadException("cannot load model " + modelFile + ": " + e.getMessage(), e);
        }
    }

    private static ModelDescription describe(OrtSession session, Path modelFile) throws ModelLoadException {
        try {
            ModelDescription d = ModelDescription.fromMetadata(session.getMetadata().getCustomMetadata());
            ModelShapes.check(session, d);
            return d;
        } catch (OrtException | IllegalArgumentException e) {
            try {
                session.close();
            } catch (OrtException ignored) {
                // the description error is the one worth reporting
            }
            throw new ModelLoadException(modelFile + " is not a usable RoomNet model: " + e.getMessage(), e);
        }
    }

    public ModelDescription description() {
        return description;
    }

    public ExecutionProvider provider() {
        return provider;
    }

    /** Why the CPU is used although the GPU was allowed; empty otherwise. */
    public String providerNote() {
        return providerNote;
    }

    /** Classifies a batch of pre-processed tensors, each {@code 3 * size * size} floats. */
    public List<Prediction> classify(List<float[]> tensors) throws OrtException {
        if (tensors.isEmpty()) {
            return List.of();
        }
        int size = description.inputSize();
        int perImage = 3 * size * size;
        FloatBuffer buffer = FloatBuffer.allocate(perImage * tensors.size());
        for (float[] t : tensors) {
            if (t.length != perImage) {
                throw new IllegalArgumentException("tensor of " + t.length + " floats, expected " + perImage);
            }
            buffer.put(t);
        }
        buffer.flip();
        long[] shape = {tensors.size(), 3, size, size};
        try (OnnxTensor input = OnnxTensor.createTensor(environment, buffer, shape);
             OrtSession.Result result = session.run(Map.of(description.inputName(), input),
                     Set.of(description.outputName()))) {
            // By name: a model may have more outputs (v2 adds its embedding), in any order.
            float[][] scores = (float[][]) result.get(description.outputName())
                    .orElseThrow(() -> new OrtException("the model has no output '" + description.outputName() + "'"))
                    .getValue();
            List<Prediction> predictions = new ArrayList<>(scores.length);
            for (float[] row : scores) {
                predictions.add(Prediction.of(description.classNames(), row));
            }
            return predictions;
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("closing the ONNX Runtime session failed", e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
