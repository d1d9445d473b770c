package org.roomnet.core.review;

import java.util.Locale;

/**
 * Percentages as the agent reads them, truncated rather than rounded: a confidence of 59.6 % shows as
 * "59 %", so a figure shown never sits on the other side of a {@link ReviewRules} threshold.
 */
public final class Percent {

    private Percent() {}

    /** "59 %". */
    public static String whole(float fraction) {
        return (int) Math.floor(fraction * 100.0 + 1e-9) + " %";
    }

    /** "59.6 %". */
    public static String tenths(float fraction) {
        return String.format(Locale.ROOT, "%.1f %%", Math.floor(fraction * 1000.0 + 1e-9) / 10.0);
    }
}
