package org.roomnet.core.classify;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Owns one ONNX Runtime session on a RoomNet model. Inputs are pre-processed CHW tensors
 * (see {@link org.roomnet.core.imaging.Preprocessor}); outputs are one {@link Prediction} per input.
 * Thread-safe for {@link #classify}: ONNX Runtime sessions may be run concurrently.
 */
public final class RoomClassifier implements AutoCloseable {

    /** The embedding's output name when the metadata names none. */
    static final String EMBEDDING = "embedding";

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final ModelDescription description;
    private final ExecutionProvider provider;
    private final String providerNote;
    private Path modelFile;

    private RoomClassifier(
            OrtEnvironment environment,
            OrtSession session,
            ModelDescription description,
            ExecutionProvider provider,
            String providerNote) {
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
            env.setTelemetry(
                    false); // no usage events; the device id file needs ORT_DISABLE_TELEMETRY (see TelemetryOff)
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
                    OrtSession session = InferenceGate.enter(() -> env.createSession(modelFile.toString(), options));
                    return new RoomClassifier(env, session, describe(session, modelFile), ExecutionProvider.CUDA, "")
                            .from(modelFile);
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
            OrtSession session = InferenceGate.enter(() -> env.createSession(modelFile.toString(), options));
            return new RoomClassifier(env, session, describe(session, modelFile), ExecutionProvider.CPU, note)
                    .from(modelFile);
        } catch (OrtException e) {
            throw new ModelLoadException("cannot load model " + modelFile + ": " + e.getMessage(), e);
        }
    }

    private static ModelDescription describe(OrtSession session, Path modelFile) throws ModelLoadException {
        try {
            ModelDescription d =
                    ModelDescription.fromMetadata(session.getMetadata().getCustomMetadata());
            if (d.embeddingOutput() == null && session.getOutputNames().contains(EMBEDDING)) {
                d = d.withEmbeddingOutput(EMBEDDING); // v2 has the output but does not name it in its metadata
            }
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

    private RoomClassifier from(Path file) {
        this.modelFile = file;
        return this;
    }

    /** The file the model was read from (the memory of reviewed photos is keyed by its content). */
    public Path modelFile() {
        return modelFile;
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

    /**
     * Classifies a batch of pre-processed tensors, each {@code 3 * size * size} floats. Each prediction carries
     * the photo's embedding and unknown score when the model gives them; a photo whose unknown score reaches
     * the model's {@code unknown_label_threshold} is labelled the model's {@code unknown_label}.
     */
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
        Set<String> outputs = new LinkedHashSet<>();
        outputs.add(description.outputName());
        if (description.embeddingOutput() != null) {
            outputs.add(description.embeddingOutput());
        }
        if (description.unknownOutput() != null) {
            outputs.add(description.unknownOutput());
        }
        return InferenceGate.enter(() -> run(buffer, shape, outputs));
    }

    private List<Prediction> run(FloatBuffer buffer, long[] shape, Set<String> outputs) throws OrtException {
        try (OnnxTensor input = OnnxTensor.createTensor(environment, buffer, shape);
                OrtSession.Result result = session.run(Map.of(description.inputName(), input), outputs)) {
            // By name: a model may have more outputs, in any order.
            float[][] scores = (float[][]) output(result, description.outputName());
            float[][] embeddings = description.embeddingOutput() == null
                    ? null
                    : (float[][]) output(result, description.embeddingOutput());
            Object unknown = description.unknownOutput() == null ? null : output(result, description.unknownOutput());
            List<Prediction> predictions = new ArrayList<>(scores.length);
            for (int i = 0; i < scores.length; i++) {
                Prediction p = Prediction.of(
                        description.classNames(),
                        scores[i],
                        embeddings == null ? null : embeddings[i],
                        unknownScore(unknown, i));
                UnknownDetector detector = description.unknown();
                if (detector != null
                        && p.unknownScore().isPresent()
                        && detector.relabels(p.unknownScore().getAsDouble())) {
                    p = p.withLabel(
                            detector.label()); // far from every photo it learned from: the model's "unknown" class
                }
                predictions.add(p);
            }
            return predictions;
        }
    }

    private static Object output(OrtSession.Result result, String name) throws OrtException {
        return result.get(name)
                .orElseThrow(() -> new OrtException("the model has no output '" + name + "'"))
                .getValue();
    }

    /** The unknown score of photo {@code i}, from a {@code [batch, 1]} or {@code [batch]} output. */
    private static OptionalDouble unknownScore(Object output, int i) {
        if (output instanceof float[][] rows) {
            return OptionalDouble.of(rows[i][0]);
        }
        if (output instanceof float[] values) {
            return OptionalDouble.of(values[i]);
        }
        return OptionalDouble.empty();
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
