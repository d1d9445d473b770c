package org.roomnet.testing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a tiny ONNX model at test time (no binary committed): input {@code [batch, channels, size, size]},
 * global average pool, a fixed matrix to the classes, softmax. Its metadata is RoomNet's, with
 * {@code input_size} 224, so a {@code size} other than 224 makes a valid model with the wrong input shape.
 * {@link #v3()} adds the outputs of model v3: {@code embedding} (the pooled channels) and {@code unknown_score}
 * ({@code [batch, 1]}, a constant chosen by the test), with their metadata. The protobuf is encoded by hand:
 * field numbers from onnx/onnx.proto.
 */
public final class TinyOnnx {

    public static final List<String> SIX =
            List.of("Backyard", "Bathroom", "Bedroom", "Frontyard", "Kitchen", "LivingRoom");
    public static final List<String> NINE = List.of(
            "Backyard",
            "Bathroom",
            "Bedroom",
            "Frontyard",
            "Kitchen",
            "LivingRoom",
            "DiningRoom",
            "FloorPlan",
            "Other");

    private List<String> classes = SIX;
    private int channels = 3;
    private int size = 224;
    private boolean embedding;
    private Float unknownScore;
    private float poison = 0f;
    private final Map<String, String> metadata = new LinkedHashMap<>();

    private TinyOnnx() {
        metadata.put("model_name", "Tiny test model");
        metadata.put("input_name", "input");
        metadata.put("output_name", "probabilities");
        metadata.put("input_size", "224");
        metadata.put("input_layout", "NCHW");
        metadata.put("channel_order", "RGB");
        metadata.put("pixel_scale", "0.00784313725490196");
        metadata.put("pixel_offset", "-1.0");
        metadata.put("crop_rule", "center-square");
    }

    /** Six classes, one output, as model v1/v2 without the embedding. */
    public static TinyOnnx six() {
        return new TinyOnnx();
    }

    /**
     * Nine classes (v3's), an {@code embedding} output and an {@code unknown_score} output that gives
     * {@code unknownScore} for every photo, with the contract's metadata (thresholds 0.5 and 0.8, label Other).
     */
    public static TinyOnnx v3(float unknownScore) {
        TinyOnnx t = new TinyOnnx().classes(NINE).withEmbedding();
        t.unknownScore = unknownScore;
        t.metadata.put("unknown_output", "unknown_score");
        t.metadata.put("unknown_threshold", "0.5");
        t.metadata.put("unknown_label", "Other");
        t.metadata.put("unknown_label_threshold", "0.8");
        t.metadata.put("unknown_method", "constant (test model)");
        return t;
    }

    public static Path write(Path file, int channels, int size) throws java.io.IOException {
        return six().input(channels, size).write(file);
    }

    public TinyOnnx classes(List<String> names) {
        this.classes = List.copyOf(names);
        return this;
    }

    public TinyOnnx input(int channels, int size) {
        this.channels = channels;
        this.size = size;
        return this;
    }

    /** Adds the pooled channels as output {@code embedding} (named in the metadata). */
    public TinyOnnx withEmbedding() {
        this.embedding = true;
        metadata.put("embedding_output", "embedding");
        return this;
    }

    /** Sets (or, with null, removes) a metadata entry. */
    public TinyOnnx meta(String key, String value) {
        if (value == null) {
            metadata.remove(key);
        } else {
            metadata.put(key, value);
        }
        return this;
    }

    /** Every weight NaN: the model outputs NaN scores (a broken export). */
    public TinyOnnx nanScores() {
        this.poison = Float.NaN;
        return this;
    }

    public Path write(Path file) throws java.io.IOException {
        int classCount = classes.size();
        ByteBuffer weights = ByteBuffer.allocate(channels * classCount * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < channels * classCount; i++) {
            weights.putFloat(Float.isNaN(poison) ? Float.NaN : (i % 7) / 7f - 0.4f);
        }
        String pooled = embedding ? "embedding" : "flat";
        List<byte[]> parts = new ArrayList<>(List.of(
                field(1, node("GlobalAveragePool", List.of("input"), "pooled")),
                field(1, node("Flatten", List.of("pooled"), pooled)),
                field(1, node("MatMul", List.of(pooled, "w"), "logits")),
                field(1, node("Softmax", List.of("logits"), "probabilities")),
                field(2, text("tiny")),
                field(5, floatTensor("w", new long[] {channels, classCount}, weights.array()))));
        if (unknownScore != null) {
            // score = pooled · 0 + b: the same value for every photo, whatever it shows
            parts.add(field(1, node("MatMul", List.of(pooled, "u"), "u0")));
            parts.add(field(1, node("Add", List.of("u0", "b"), "unknown_score")));
            parts.add(field(5, floatTensor("u", new long[] {channels, 1}, new byte[channels * 4])));
            byte[] b = ByteBuffer.allocate(4)
                    .order(ByteOrder.LITTLE_ENDIAN)
                    .putFloat(unknownScore)
                    .array();
            parts.add(field(5, floatTensor("b", new long[] {1}, b)));
        }
        parts.add(field(11, valueInfo("input", new Object[] {"batch", channels, size, size})));
        parts.add(field(12, valueInfo("probabilities", new Object[] {"batch", classCount})));
        if (embedding) {
            parts.add(field(12, valueInfo("embedding", new Object[] {"batch", channels})));
        }
        if (unknownScore != null) {
            parts.add(field(12, valueInfo("unknown_score", new Object[] {"batch", 1})));
        }
        byte[] graph = concat(parts.toArray(new byte[0][]));
        Map<String, String> meta = new LinkedHashMap<>(metadata);
        meta.putIfAbsent("class_names", json(classes));
        byte[] model = concat(varint(1, 8), field(8, concat(field(1, text("")), varint(2, 13))), field(7, graph));
        for (Map.Entry<String, String> e : meta.entrySet()) {
            model = concat(model, field(14, concat(field(1, text(e.getKey())), field(2, text(e.getValue())))));
        }
        return Files.write(file, model);
    }

    /** The description of a model written here, as RoomClassifier reads it. */
    public static org.roomnet.core.classify.ModelDescription description(Path model) throws Exception {
        try (var classifier = org.roomnet.core.classify.RoomClassifier.open(
                model, org.roomnet.core.classify.ProviderPreference.CPU)) {
            return classifier.description();
        }
    }

    /** A JSON list of strings, escaping quotes, backslashes and control characters. */
    public static String json(List<String> names) {
        StringBuilder sb = new StringBuilder("[");
        for (String n : names) {
            if (sb.length() > 1) {
                sb.append(", ");
            }
            sb.append('"');
            for (char c : n.toCharArray()) {
                if (c == '"' || c == '\\') {
                    sb.append('\\').append(c);
                } else if (c < 0x20) {
                    sb.append(String.format("\\u%04x", (int) c));
                } else {
                    sb.append(c);
                }
            }
            sb.append('"');
        }
        return sb.append(']').toString();
    }

    private static byte[] floatTensor(String name, long[] dims, byte[] raw) {
        byte[] t = new byte[0];
        for (long d : dims) {
            t = concat(t, varint(1, d));
        }
        return concat(t, varint(2, 1), field(8, text(name)), field(9, raw));
    }

    private static byte[] node(String op, List<String> inputs, String output) {
        byte[] node = new byte[0];
        for (String in : inputs) {
            node = concat(node, field(1, text(in)));
        }
        return concat(node, field(2, text(output)), field(4, text(op)));
    }

    /** A float tensor's name and shape; a String dimension is symbolic. */
    private static byte[] valueInfo(String name, Object[] dims) {
        byte[] shape = new byte[0];
        for (Object d : dims) {
            shape = concat(shape, field(1, d instanceof String s ? field(2, text(s)) : varint(1, (Integer) d)));
        }
        byte[] tensorType = concat(varint(1, 1), field(2, shape));
        return concat(field(1, text(name)), field(2, field(1, tensorType)));
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] field(int number, byte[] payload) {
        return concat(rawVarint((long) number << 3 | 2), rawVarint(payload.length), payload);
    }

    private static byte[] varint(int number, long value) {
        return concat(rawVarint((long) number << 3), rawVarint(value));
    }

    private static byte[] rawVarint(long value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while ((value & ~0x7FL) != 0) {
            out.write((int) (value & 0x7F) | 0x80);
            value >>>= 7;
        }
        out.write((int) value);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
