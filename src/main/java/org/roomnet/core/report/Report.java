package org.roomnet.core.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.roomnet.core.classify.PhotoResult;
import org.roomnet.core.listing.ListingPlan;
import org.roomnet.core.review.ListingChecklist;
import org.roomnet.core.review.PhotoReview;
import org.roomnet.core.review.ReviewRules;

/**
 * The rows of a shoot's report, sorted by file, with the class names in the model's order, the
 * listing checklist the summary is checked against, and the listing (its order and new names, the
 * rejected photos; null for a report without it).
 */
public record Report(List<String> classNames, List<ReportRow> rows, ListingChecklist checklist, ListingPlan listing) {

    public Report {
        classNames = List.copyOf(classNames);
        rows = List.copyOf(rows);
    }

    public Report(List<String> classNames, List<ReportRow> rows, ListingChecklist checklist) {
        this(classNames, rows, checklist, null);
    }

    /** The same report with the listing's sheet. */
    public Report withListing(ListingPlan plan) {
        return new Report(classNames, rows, checklist, plan);
    }

    /**
     * The one place report rows are made: from the photos of a review, as they stand (the CLI's
     * review has no edits), sorted by their path relative to {@code folder}. A damaged photo keeps the
     * model's label and scores, its damage in {@code error}. {@code needs_review} is {@code rules}' answer.
     */
    public static Report of(
            List<String> classNames,
            Path folder,
            List<PhotoReview> photos,
            ListingChecklist checklist,
            ReviewRules rules) {
        List<ReportRow> rows = new ArrayList<>(photos.size());
        for (PhotoReview p : photos) {
            String file = relative(folder, p.file());
            if (p.isReadable()) {
                rows.add(new ReportRow(
                        file,
                        folder.toString(),
                        p.finalLabel(),
                        p.modelLabel(),
                        p.confidence(),
                        p.isCorrected(),
                        p.isReviewed(),
                        "",
                        p.scores(),
                        rules.needsReview(p),
                        p.source(),
                        p.warning()));
            } else if (p.isDamaged()) {
                rows.add(new ReportRow(
                        file,
                        folder.toString(),
                        p.modelLabel(),
                        p.modelLabel(),
                        p.confidence(),
                        false,
                        false,
                        p.damage(),
                        p.scores(),
                        rules.needsReview(p),
                        p.source(),
                        p.warning()));
            } else {
                rows.add(new ReportRow(file, folder.toString(), "", "", 0f, false, false, p.error(), List.of(), false));
            }
        }
        rows.sort(Comparator.comparing(ReportRow::file));
        return new Report(classNames, rows, checklist);
    }

    /** As {@link #of(List, Path, List, ListingChecklist, ReviewRules)} with the fixed rule (a review without model). */
    public static Report of(
            List<String> classNames, Path folder, List<PhotoReview> photos, ListingChecklist checklist) {
        return of(classNames, folder, photos, checklist, ReviewRules.FIXED);
    }

    /** A report straight from the model's results: no edits, the default checklist, the model's {@code rules}. */
    public static Report fromResults(
            List<String> classNames, Path folder, List<PhotoResult> results, ReviewRules rules) {
        return of(classNames, folder, results.stream().map(PhotoReview::of).toList(), ListingChecklist.DEFAULT, rules);
    }

    public static Report fromResults(List<String> classNames, Path folder, List<PhotoResult> results) {
        return fromResults(classNames, folder, results, ReviewRules.FIXED);
    }

    public Map<String, Integer> countsByLabel() {
        return counts(rows.stream().filter(ReportRow::isClassified).toList());
    }

    /** Photos per final label without the damaged ones: what a listing can show. */
    public Map<String, Integer> intactCountsByLabel() {
        return counts(
                rows.stream().filter(r -> r.isClassified() && !r.isDamaged()).toList());
    }

    private Map<String, Integer> counts(List<ReportRow> counted) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        classNames.forEach(c -> counts.put(c, 0));
        counted.forEach(r -> counts.merge(r.label(), 1, Integer::sum));
        return counts;
    }

    public long damagedCount() {
        return rows.stream().filter(ReportRow::isDamaged).count();
    }

    public long unreadableCount() {
        return rows.stream().filter(r -> !r.isClassified()).count();
    }

    /**
     * The files the app lists as unreadable, never in a room: those that could not be read and the damaged
     * photos (whose model label is kept beside their damage).
     */
    public long unreadableOrDamagedCount() {
        return unreadableCount() + damagedCount();
    }

    /** Intact photos the agent has not labelled yet (damaged ones cannot be: they are never sorted). */
    public long unreviewedCount() {
        return rows.stream()
                .filter(r -> r.isClassified() && !r.isDamaged() && !r.reviewed())
                .count();
    }

    /** Intact photos the agent has labelled. */
    public long reviewedCount() {
        return rows.stream().filter(ReportRow::reviewed).count();
    }

    /**
     * Photos per final label that the listing can show: intact and, when the report has the listing,
     * not rejected. The checklist is checked against these.
     */
    public Map<String, Integer> listableCountsByLabel() {
        if (listing == null) {
            return intactCountsByLabel();
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        classNames.forEach(c -> counts.put(c, 0));
        listing.entries().forEach(e -> counts.merge(e.room(), 1, Integer::sum));
        listing.cut().forEach(e -> counts.merge(e.room(), 1, Integer::sum));
        return counts;
    }

    /** The rooms of the checklist without a photo the listing can show. */
    public List<String> missingListingRooms() {
        return checklist.missing(listableCountsByLabel());
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
