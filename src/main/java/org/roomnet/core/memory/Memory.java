package org.roomnet.core.memory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The reviewed photos a model has learned from, for one model ({@link ModelKey}): immutable; the changes
 * return a new memory. A photo is kept once, by its content: learning it again replaces the old entry.
 */
public record Memory(ModelKey model, List<MemoryEntry> entries) {

    public Memory {
        Objects.requireNonNull(model, "model");
        entries = List.copyOf(entries);
        if (entries.stream().map(MemoryEntry::dimension).distinct().count() > 1) {
            throw new IllegalArgumentException("the memory's embeddings differ in length");
        }
    }

    public static Memory empty(ModelKey model) {
        return new Memory(model, List.of());
    }

    public int size() {
        return entries.size();
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Adds {@code added}; a photo already there (same content) takes the new label, shoot and time. */
    public Memory with(List<MemoryEntry> added) {
        Map<String, MemoryEntry> byContent = new LinkedHashMap<>();
        entries.forEach(e -> byContent.put(e.contentHash(), e));
        for (MemoryEntry e : added) {
            byContent.remove(e.contentHash()); // re-learned photos move to the end: the newest last
            byContent.put(e.contentHash(), e);
        }
        return new Memory(model, new ArrayList<>(byContent.values()));
    }

    /** The memory without the photos learned from {@code shoot}. */
    public Memory withoutShoot(String shoot) {
        return new Memory(
                model, entries.stream().filter(e -> !e.shoot().equals(shoot)).toList());
    }

    /** Photos per shoot, by shoot name. */
    public Map<String, Integer> countsByShoot() {
        Map<String, Integer> counts = new TreeMap<>();
        entries.forEach(e -> counts.merge(e.shoot(), 1, Integer::sum));
        return counts;
    }

    /** Photos per label, by label. */
    public Map<String, Integer> countsByLabel() {
        Map<String, Integer> counts = new TreeMap<>();
        entries.forEach(e -> counts.merge(e.label(), 1, Integer::sum));
        return counts;
    }

    /** The labels that are not among {@code modelClasses}: room types the agent added, in the order first learned. */
    public List<String> customLabels(List<String> modelClasses) {
        Set<String> custom = new LinkedHashSet<>();
        entries.stream()
                .map(MemoryEntry::label)
                .filter(l -> !modelClasses.contains(l))
                .forEach(custom::add);
        return List.copyOf(custom);
    }
}
