package org.roomnet.core.memory;

import org.roomnet.core.classify.ClassNames;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The room type a label the agent gives stands for: one of the model's or the memory's, whatever its case
 * ("kitchen" is the model's "Kitchen"), else a new one, which must be a plain folder name like any model class
 * ({@link ClassNames}).
 */
public final class RoomTypeNames {

    private RoomTypeNames() {
    }

    /**
     * The known spelling of {@code label}, or {@code label} itself (trimmed) when it is new and can be a room type.
     *
     * @throws IllegalArgumentException saying why the label cannot be a room type
     */
    public static String resolve(String label, List<String> known) {
        String trimmed = label == null ? "" : label.strip();
        for (String k : known) {
            if (k.toLowerCase(Locale.ROOT).equals(trimmed.toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
        Optional<String> problem = ClassNames.problem(trimmed);
        if (problem.isPresent()) {
            throw new IllegalArgumentException("'" + label + "' cannot be a room type: it " + problem.get());
        }
        return trimmed;
    }
}
