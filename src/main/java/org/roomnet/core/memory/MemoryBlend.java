package org.roomnet.core.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.roomnet.core.classify.Prediction;

/**
 * The model's scores mixed with the memory's vote: {@code (1 - w) * model + w * vote}, over the model's classes
 * followed by the room types only the memory knows (which only the vote can give). A photo whose label the mix
 * changed is labelled by the memory.
 */
public final class MemoryBlend {

    private final MemoryIndex index;
    private final List<String> classNames;
    private final int modelClasses;
    private final BlendSettings settings;

    /**
     * Nearest similarity from which a photo counts as familiar to this agency although too far for the vote (the
     * ramp starts at {@link BlendSettings#rampLow()}): the model's unknown label gives way to its own top class,
     * the unknown score still flags it for review. Photos of rooms unlike each other sit at ~0.45 (decision 0017).
     */
    public static final float FAMILIAR_SIMILARITY = 0.50f;

    /**
     * What the mix gave for one photo: scores in {@link #classNames()} order, whether the memory decided, the
     * vote's weight and the nearest memory's similarity (-1 without one).
     */
    public record Blended(
            List<String> classNames, float[] scores, boolean fromMemory, float memoryWeight, float nearest) {}

    public MemoryBlend(Memory memory, List<String> modelClassNames, BlendSettings settings) {
        this(MemoryIndex.of(memory), withCustom(modelClassNames, memory), modelClassNames.size(), settings);
    }

    private MemoryBlend(MemoryIndex index, List<String> classNames, int modelClasses, BlendSettings settings) {
        this.index = index;
        this.classNames = List.copyOf(classNames);
        this.modelClasses = modelClasses;
        this.settings = settings;
    }

    private static List<String> withCustom(List<String> modelClassNames, Memory memory) {
        List<String> names = new ArrayList<>(modelClassNames);
        names.addAll(memory.customLabels(modelClassNames));
        return names;
    }

    /** No memory, the model's scores padded with zeros for room types added earlier ({@code classNames} after the model's). */
    public static MemoryBlend modelOnly(List<String> modelClassNames, List<String> classNames) {
        return new MemoryBlend(
                MemoryIndex.of(Memory.empty(new ModelKey("none", "none"))),
                requirePrefix(modelClassNames, classNames),
                modelClassNames.size(),
                BlendSettings.DEFAULT);
    }

    /**
     * The same memory over the room types {@code classes} (the model's, then added ones, as a saved review has
     * them): memories of a room type not among them do not vote.
     */
    public MemoryBlend forClasses(List<String> classes) {
        return classes.equals(classNames)
                ? this
                : new MemoryBlend(
                        index, requirePrefix(classNames.subList(0, modelClasses), classes), modelClasses, settings);
    }

    private static List<String> requirePrefix(List<String> model, List<String> classes) {
        if (classes.size() < model.size() || !classes.subList(0, model.size()).equals(model)) {
            throw new IllegalArgumentException("room types " + classes + " do not begin with the model's " + model);
        }
        return classes;
    }

    /** The model's classes, then the room types the agent added. */
    public List<String> classNames() {
        return classNames;
    }

    public int size() {
        return index.size();
    }

    public int dimension() {
        return index.dimension();
    }

    /** A prediction after the memory: over {@link #classNames()}; {@code fromMemory} when the memory changed the label. */
    public record Recalled(Prediction prediction, boolean fromMemory) {}

    /**
     * The model's prediction with the memory's vote mixed in. A photo with close memories is familiar: the
     * model's unknown score no longer flags it, and the model's "unknown" label (if it gave one) gives way to
     * the mix. A prediction without embedding (model v1) only gets the room types added, with score 0.
     */
    public Recalled recall(Prediction model) {
        if (!model.hasEmbedding() || index.size() == 0) {
            float[] padded = new float[classNames.size()];
            for (int i = 0; i < modelClasses; i++) {
                padded[i] = model.scores().get(i);
            }
            Prediction p = Prediction.of(classNames, padded, model.embedding(), model.unknownScore());
            return new Recalled(withLabelOf(p, model), false);
        }
        Blended b = blend(model.scores(), model.embedding());
        if (b.memoryWeight() == 0f) {
            Prediction p = Prediction.of(classNames, b.scores(), model.embedding(), model.unknownScore());
            if (b.nearest() >= FAMILIAR_SIMILARITY) {
                return new Recalled(p, !p.label().equals(model.label())); // like the agency's photos: not "unknown"
            }
            return new Recalled(withLabelOf(p, model), false);
        }
        Prediction p = Prediction.of(classNames, b.scores(), model.embedding(), OptionalDouble.empty());
        return new Recalled(p, !p.label().equals(model.label()));
    }

    /** Keeps a label the model forced (its unknown label) on the padded prediction. */
    private static Prediction withLabelOf(Prediction padded, Prediction model) {
        return padded.label().equals(model.label()) ? padded : padded.withLabel(model.label());
    }

    /** Mixes the model's {@code scores} (in the model's class order) with the vote of the photo's neighbours. */
    public Blended blend(List<Float> scores, float[] embedding) {
        if (scores.size() != modelClasses) {
            throw new IllegalArgumentException(
                    "scores for " + scores.size() + " classes, the model has " + modelClasses);
        }
        float[] mixed = new float[classNames.size()];
        for (int i = 0; i < modelClasses; i++) {
            mixed[i] = scores.get(i);
        }
        List<MemoryIndex.Neighbour> neighbours = index.nearest(embedding, settings.k());
        if (neighbours.isEmpty()) {
            return new Blended(classNames, mixed, false, 0f, -1f);
        }
        float nearest = neighbours.get(0).similarity();
        float w = settings.weight(nearest);
        if (w == 0f) {
            return new Blended(classNames, mixed, false, 0f, nearest);
        }
        float[] vote = new float[classNames.size()];
        double total = 0;
        for (MemoryIndex.Neighbour n : neighbours) {
            int label = classNames.indexOf(n.label());
            if (label < 0) {
                continue; // a room type this review does not have
            }
            double weight = Math.exp((n.similarity() - nearest) / settings.temperature());
            vote[label] += (float) weight;
            total += weight;
        }
        if (total == 0) {
            return new Blended(classNames, mixed, false, 0f, nearest);
        }
        for (int i = 0; i < mixed.length; i++) {
            mixed[i] = (1 - w) * mixed[i] + w * (float) (vote[i] / total);
        }
        return new Blended(classNames, mixed, argmax(mixed) != argmax(scores), w, nearest);
    }

    private static int argmax(float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    private static int argmax(List<Float> v) {
        int best = 0;
        for (int i = 1; i < v.size(); i++) {
            if (v.get(i) > v.get(best)) {
                best = i;
            }
        }
        return best;
    }
}
