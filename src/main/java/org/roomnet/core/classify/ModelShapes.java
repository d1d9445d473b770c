package org.roomnet.core.classify;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.util.Arrays;

/**
 * Checks, when a model is opened, that its graph takes and gives what its metadata promises:
 * input {@code [batch, 3, size, size]} floats, output {@code [batch, classes]}, and the optional outputs it
 * names: {@code [batch, features]} for the embedding, {@code [batch, 1]} for the unknown score. A model that does not
 * is refused then, with what it expects, instead of failing on the first batch.
 */
final class ModelShapes {

    private ModelShapes() {}

    static void check(OrtSession session, ModelDescription d) throws OrtException {
        TensorInfo input = tensor(
                session.getInputInfo().get(d.inputName()),
                "input",
                d.inputName(),
                session.getInputNames().toString());
        long[] in = input.getShape();
        if (input.type != OnnxJavaType.FLOAT
                || in.length != 4
                || !fits(in[1], 3)
                || !fits(in[2], d.inputSize())
                || !fits(in[3], d.inputSize())) {
            throw new IllegalArgumentException("the model expects input '" + d.inputName() + "' as " + input.type
                    + " " + shape(in) + ", but its metadata describes " + d.inputSize() + "×" + d.inputSize()
                    + " RGB photos ([batch, 3, " + d.inputSize() + ", " + d.inputSize() + "] FLOAT)");
        }
        TensorInfo output = tensor(
                session.getOutputInfo().get(d.outputName()),
                "output",
                d.outputName(),
                session.getOutputNames().toString());
        long[] out = output.getShape();
        if (out.length != 2 || !fits(out[1], d.classCount())) {
            throw new IllegalArgumentException("the model's output '" + d.outputName() + "' is " + shape(out)
                    + ", but its metadata names " + d.classCount() + " classes ([batch, " + d.classCount() + "])");
        }
        if (d.embeddingOutput() != null) {
            long[] emb = tensor(
                            session.getOutputInfo().get(d.embeddingOutput()),
                            "output",
                            d.embeddingOutput(),
                            session.getOutputNames().toString())
                    .getShape();
            if (emb.length != 2 || emb[1] == 0) {
                throw new IllegalArgumentException("the model's embedding output '" + d.embeddingOutput() + "' is "
                        + shape(emb) + ", expected [batch, features]");
            }
        }
        if (d.unknownOutput() != null) {
            long[] unknown = tensor(
                            session.getOutputInfo().get(d.unknownOutput()),
                            "output",
                            d.unknownOutput(),
                            session.getOutputNames().toString())
                    .getShape();
            if (!(unknown.length == 1 || unknown.length == 2 && fits(unknown[1], 1))) {
                throw new IllegalArgumentException("the model's unknown-score output '" + d.unknownOutput() + "' is "
                        + shape(unknown) + ", expected [batch, 1]");
            }
        }
    }

    private static TensorInfo tensor(NodeInfo node, String kind, String name, String available) {
        if (node == null || !(node.getInfo() instanceof TensorInfo info)) {
            throw new IllegalArgumentException(
                    "the model has no tensor " + kind + " '" + name + "' (it has " + available + ")");
        }
        return info;
    }

    /** A dimension left open in the graph (-1) fits any size. */
    private static boolean fits(long dimension, long expected) {
        return dimension < 0 || dimension == expected;
    }

    private static String shape(long[] dims) {
        String[] named = new String[dims.length];
        for (int i = 0; i < dims.length; i++) {
            named[i] = dims[i] >= 0 ? Long.toString(dims[i]) : i == 0 ? "batch" : "?";
        }
        return Arrays.toString(named);
    }
}
