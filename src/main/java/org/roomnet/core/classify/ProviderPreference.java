package org.roomnet.core.classify;

import java.util.Locale;

/** What the user asked for: the GPU when it can be used, or the CPU only. */
public enum ProviderPreference {
    AUTO,
    CPU,
    CUDA;

    public static ProviderPreference parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("provider must be auto, cpu or cuda, not '" + text + "'");
        }
    }
}
