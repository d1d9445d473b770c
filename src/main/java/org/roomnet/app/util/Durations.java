package org.roomnet.app.util;

/** Human wording of time spans for the progress line. */
public final class Durations {

    private Durations() {}

    /** "a few seconds", "about 40 s", "about 3 min", "about 1 h 20 min". */
    public static String timeLeft(double seconds) {
        if (Double.isNaN(seconds) || seconds < 0) {
            return "";
        }
        if (seconds < 5) {
            return "a few seconds left";
        }
        if (seconds < 60) {
            return "about " + (int) (Math.ceil(seconds / 5) * 5) + " s left";
        }
        long minutes = Math.round(seconds / 60);
        if (minutes < 60) {
            return "about " + minutes + " min left";
        }
        return "about " + minutes / 60 + " h " + minutes % 60 + " min left";
    }

    /**
     * Estimated seconds left when {@code done} of {@code total} items took {@code elapsedSeconds};
     * NaN until there is enough to go on.
     */
    public static double estimateLeft(int done, int total, double elapsedSeconds) {
        if (done < 2 || elapsedSeconds <= 0.5) {
            return Double.NaN;
        }
        return elapsedSeconds / done * (total - done);
    }
}
