package org.roomnet.core.util;

/** Counted nouns for what the app and the commands say: "1 photo", "1,234 photos". */
public final class Words {

    private Words() {}

    /** {@code n} and {@code noun}, with an "s" unless {@code n} is 1; thousands grouped. */
    public static String plural(long n, String noun) {
        return String.format("%,d %s%s", n, noun, n == 1 ? "" : "s");
    }
}
