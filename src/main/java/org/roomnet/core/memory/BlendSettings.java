package org.roomnet.core.memory;

/**
 * How the memory's vote is mixed into the model's scores (decision 0017): the {@code k} nearest memories vote
 * with weights {@code exp((s - s_max) / temperature)}; the vote's weight in the mix rises linearly from 0 at
 * nearest similarity {@code rampLow} to {@code maxWeight} at {@code rampHigh} and above.
 */
public record BlendSettings(int k, float temperature, float rampLow, float rampHigh, float maxWeight) {

    /** Chosen on v2's embedding of the validation split, its grey copies and floor plans (decision 0017). */
    public static final BlendSettings DEFAULT = new BlendSettings(10, 0.05f, 0.60f, 0.80f, 0.90f);

    public BlendSettings {
        if (k < 1 || !(temperature > 0) || !(rampHigh > rampLow) || !(maxWeight >= 0 && maxWeight <= 1)) {
            throw new IllegalArgumentException("invalid blend settings");
        }
    }

    /** The vote's weight for a nearest similarity {@code s}. */
    float weight(float s) {
        float t = (s - rampLow) / (rampHigh - rampLow);
        return maxWeight * Math.max(0f, Math.min(1f, t));
    }
}
