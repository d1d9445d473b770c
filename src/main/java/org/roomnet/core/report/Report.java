package org.roomnet.core.report;

import org.roomnet.core.shoot.PhotoResult;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The rows of a shoot's report and the class names, in the model's order. */
public record Report(List<String> classNames, List<ReportRow> rows) {

    /** Rooms a listing is expected to show; a shoot without one of them gets a warning. */
    public static final List<String> LISTING_ESSENTIAL_ROOMS =
            List.of("Frontyard", "Kitchen", "Bathroom", "LivingRoom", "Backyard");

    public Report {
        classNames = List.copyOf(classNames);
        rows = List.copyOf(rows);
    }

    /** A report straight from the model's results: no corrections. */
    public static Report fromResults(List<String> classNames, Path folder, List<PhotoResult> results) {
        List<ReportRow> rows = new ArrayList<>(results.size());
        for (PhotoResult r : results) {
            String file = relative(folder, r.file());
            if (r.isClassified()) {
                var p = r.prediction();
                rows.add(new ReportRow(file, folder.toString(), p.label(), p.label(), p.confidence(), false,
                        r.isDamaged() ? r.damage() : "", p.scores()));
            } else {
                rows.add(new ReportRow(file, folder.toString(), "", "", 0f, false, r.error(), List.of()));
            }
        }
        return new Report(classNames, rows);
    }

    public Map<String, Integer> countsByLabel() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        classNames.forEach(c -> counts.put(c, 0));
        rows.stream().filter(ReportRow::isClassified).forEach(r -> counts.merge(r.label(), 1, Integer::sum));
        return counts;
    }

    public long damagedCount() {
        return rows.stream().filter(ReportRow::isDamaged).count();
    }

    public long unreadableCount() {
        return rows.stream().filter(r -> !r.isClassified()).count();
    }

    public List<String> missingEssentialRooms() {
        Map<String, Integer> counts = countsByLabel();
        return LISTING_ESSENTIAL_ROOMS.stream().filter(room -> counts.getOrDefault(room, 0) == 0).toList();
    }

    /** The file's name relative to the folder, exactly, with '/' between folders on every platform. */
    public static String relative(Path folder, Path file) {
        Path base = folder.toAbsolutePath().normalize();
        Path full = file.toAbsolutePath().normalize();
        Path rel = full.startsWith(base) ? base.relativize(full) : full.getFileName();
        String separator = rel.getFileSystem().getSeparator();
        return separator.equals("/") ? rel.toString() : rel.toString().replace(separator, "/");
    }
}
