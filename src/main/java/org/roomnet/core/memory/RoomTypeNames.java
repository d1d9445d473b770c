package org.roomnet.core.memory;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.roomnet.core.classify.ClassNames;

/**
 * The room type a label the agent gives stands for: one of the model's or the memory's, whatever its case
 * ("kitchen" is the model's "Kitchen"), else a new one, which must be a plain folder name like any model class
 * ({@link ClassNames}).
 */
public final class RoomTypeNames {

    private RoomTypeNames() {}

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

    /** What the agent typed as a new room type's name, tidied: no spaces around it, one space between words. */
    public static String tidy(String typed) {
        return typed == null ? "" : typed.strip().replaceAll("\\s+", " ");
    }

    /**
     * Why {@code name} (tidied) cannot be added as a new room type beside {@code existing} (the model's room
     * types, those added before, and any name the caller reserves), or empty when it can: it must be a plain
     * folder name ({@link ClassNames}) and none of {@code existing}, whatever the case (folders that differ only
     * in case are one folder on Windows and macOS).
     */
    public static Optional<String> problemOfNew(String name, List<String> existing) {
        for (String k : existing) {
            if (k.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return Optional.of(
                        k.equals(name)
                                ? "There is already a room type named " + k + "."
                                : "'" + name + "' is the room type " + k + " already (names ignore case).");
            }
        }
        return ClassNames.problem(name)
                .map(p -> "A room type's name becomes a folder name, and '" + name + "' " + p + ".");
    }
}
