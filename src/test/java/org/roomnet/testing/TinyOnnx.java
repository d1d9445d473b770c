package org.roomnet.testing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a tiny ONNX model at test time (no binary committed): input {@code [batch, channels, size, size]},
 * global average pool, a fixed matrix to six classes, softmax. Its metadata is RoomNet's, with
 * {@code input_size} 224, so a {@code size} other than 224 makes a valid model with the wrong input shape.
 * The protobuf is encoded by hand: field numbers from onnx/onnx.proto.
 */
public final class TinyOnnx {

    private static final List<String> CLASSES = List.of("Backyard", "Bathroom", "Bedroom", "Frontyard", "Kitchen", "LivingRoom");

    private TinyOnnx() {
    }

    public static Path write(Path file, int channels, int size) throws java.io.IOException {
        ByteBuffer weights = ByteBuffer.allocate(channels * CLASSES.size() * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < channels * CLASSES.size(); i++) {
            weights.putFloat((i % 7) / 7f - 0.4f);
        }
        byte[] graph = concat(
                field(1, node("GlobalAveragePool", List.of("input"), "pooled")),
                field(1, node("Flatten", List.of("pooled"), "flat")),
                field(1, node("MatMul", List.of("flat", "w"), "logits")),
                field(1, node("Softmax", List.of("logits"), "probabilities")),
                field(2, text("tiny")),
                field(5, concat(varint(1, channels), varint(1, CLASSES.size()), varint(2, 1), field(8, text("w")),
                        field(9, weights.array()))),
                field(11, valueInfo("input", new Object[]{"batch", channels, size, size})),
                field(12, valueInfo("probabilities", new Object[]{"batch", CLASSES.size()})));
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("model_name", "Tiny test model");
        metadata.put("class_names", "[\"" + String.join("\", \"", CLASSES) + "\"]");
        metadata.put("input_name", "input");
        metadata.put("output_name", "probabilities");
        metadata.put("input_size", "224");
        metadata.put("input_layout", "NCHW");
        metadata.put("channel_order", "RGB");
        metadata.put("pixel_scale", "0.00784313725490196");
        metadata.put("pixel_offset", "-1.0");
        metadata.put("crop_rule", "center-square");
        byte[] model = concat(varint(1, 8), field(8, concat(field(1, text("")), varint(2, 13))), field(7, graph));
        for (Map.Entry<String, String> e : metadata.entrySet()) {
            model = concat(model, field(14, concat(field(1, text(e.getKey())), field(2, text(e.getValue())))));
        }
        return Files.write(file, model);
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
