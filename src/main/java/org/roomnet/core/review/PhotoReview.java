package org.roomnet.core.review;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import org.roomnet.core.classify.PhotoResult;
import org.roomnet.core.classify.Prediction;
import org.roomnet.core.memory.MemoryBlend;

/**
 * One file of a shoot as the agent reviews it: what the model said (label, confidence, all scores in
 * the model's class order, and the runner-up), what the agent set ({@code agentLabel}, null while the
 * agent has not touched it), or why the file could not be read ({@code error}; then the labels are null,
 * except for a damaged photo, which keeps the model's label for reports: {@link #isDamaged()}), and its
 * place in the listing ({@link ListingMark}: rejected, cover, the agent's order), and the model's unknown
 * score of the photo (empty when the model has no unknown detector). {@code byMemory}: the proposed label
 * ({@code modelLabel}) came from the memory of reviewed photos, not the model alone (CSV/XLSX {@code source}).
 * {@code warning}: what the decoded picture may get wrong though the file is whole ("colour profile unreadable,
 * assumed sRGB"; CSV/XLSX {@code note}, the photo's tooltip), null when nothing. It comes from decoding and is not
 * kept in the saved review: a photo restored from it has none.
 */
public record PhotoReview(
        Path file,
        String modelLabel,
        float confidence,
        List<Float> scores,
        String secondLabel,
        float secondConfidence,
        String agentLabel,
        String error,
        ListingMark listing,
        OptionalDouble unknownScore,
        boolean byMemory,
        String warning) {

    /** How a damaged photo's error begins; the rest is the damage. */
    static final String DAMAGED = "damaged, ";

    public PhotoReview {
        Objects.requireNonNull(file, "file");
        scores = List.copyOf(scores);
        listing = listing == null ? ListingMark.NONE : listing;
        unknownScore = unknownScore == null ? OptionalDouble.empty() : unknownScore;
        if (error != null && !listing.equals(ListingMark.NONE)) {
            throw new IllegalArgumentException("an unreadable file has no place in the listing: " + file);
        }
        if (error == null && modelLabel == null) {
            throw new IllegalArgumentException("a readable photo needs the model's label: " + file);
        }
        if (error != null && agentLabel != null) {
            throw new IllegalArgumentException("an unreadable file cannot be labelled: " + file);
        }
        if (warning != null && modelLabel == null) {
            throw new IllegalArgumentException("an unreadable file has no decoding warning: " + file);
        }
    }

    /** Without a decoding warning. */
    public PhotoReview(
            Path file,
            String modelLabel,
            float confidence,
            List<Float> scores,
            String secondLabel,
            float secondConfidence,
            String agentLabel,
            String error,
            ListingMark listing,
            OptionalDouble unknownScore,
            boolean byMemory) {
        this(
                file,
                modelLabel,
                confidence,
                scores,
                secondLabel,
                secondConfidence,
                agentLabel,
                error,
                listing,
                unknownScore,
                byMemory,
                null);
    }

    /** Proposed by the model alone. */
    public PhotoReview(
            Path file,
            String modelLabel,
            float confidence,
            List<Float> scores,
            String secondLabel,
            float secondConfidence,
            String agentLabel,
            String error,
            ListingMark listing,
            OptionalDouble unknownScore) {
        this(
                file,
                modelLabel,
                confidence,
                scores,
                secondLabel,
                secondConfidence,
                agentLabel,
                error,
                listing,
                unknownScore,
                false);
    }

    /** Without an unknown score (a model without unknown detector). */
    public PhotoReview(
            Path file,
            String modelLabel,
            float confidence,
            List<Float> scores,
            String secondLabel,
            float secondConfidence,
            String agentLabel,
            String error,
            ListingMark listing) {
        this(
                file,
                modelLabel,
                confidence,
                scores,
                secondLabel,
                secondConfidence,
                agentLabel,
                error,
                listing,
                OptionalDouble.empty());
    }

    /**
     * The review of a freshly classified (or unreadable) file: nothing set by the agent yet. A damaged
     * photo (a cut JPEG, say) is listed with the unreadable ones, its damage as the reason, so that it
     * is neither published nor sorted by mistake.
     */
    /**
     * A freshly classified photo's review, its label proposed through the memory of reviewed photos ({@code memory};
     * null: the model's alone): the one way the app, the commands and the batch job apply the memory.
     */
    public static PhotoReview of(PhotoResult result, MemoryBlend memory) {
        if (memory == null || !result.isClassified()) {
            return of(result);
        }
        MemoryBlend.Recalled recalled = memory.recall(result.prediction());
        PhotoReview review =
                of(new PhotoResult(result.file(), recalled.prediction(), null, result.damage(), result.warning()));
        return recalled.fromMemory() ? review.proposedByMemory() : review;
    }

    public static PhotoReview of(PhotoResult result) {
        if (result.isDamaged()) {
            // the model's label of what is there stays, for reports (see isDamaged)
            Prediction p = result.prediction();
            return new PhotoReview(
                    result.file(),
                    p.label(),
                    p.confidence(),
                    p.scores(),
                    p.secondLabel(),
                    p.secondConfidence(),
                    null,
                    DAMAGED + result.damage(),
                    ListingMark.NONE,
                    p.unknownScore(),
                    false,
                    result.warning());
        }
        return result.isClassified()
                ? fromPrediction(result.file(), result.prediction(), null).withWarning(result.warning())
                : unreadable(result.file(), result.error());
    }

    public static PhotoReview fromPrediction(Path file, Prediction prediction, String agentLabel) {
        return fromPrediction(file, prediction, agentLabel, ListingMark.NONE);
    }

    public static PhotoReview fromPrediction(Path file, Prediction prediction, String agentLabel, ListingMark listing) {
        return new PhotoReview(
                file,
                prediction.label(),
                prediction.confidence(),
                prediction.scores(),
                prediction.secondLabel(),
                prediction.secondConfidence(),
                agentLabel,
                null,
                listing,
                prediction.unknownScore());
    }

    public static PhotoReview unreadable(Path file, String error) {
        return new PhotoReview(
                file,
                null,
                0f,
                List.of(),
                null,
                0f,
                null,
                error == null || error.isBlank() ? "unreadable" : error,
                ListingMark.NONE);
    }

    public boolean isReadable() {
        return error == null;
    }

    /** Classified from a damaged file: listed with the unreadable ones, the model's label kept beside the error. */
    public boolean isDamaged() {
        return error != null && modelLabel != null;
    }

    /** What is wrong with a damaged photo ("truncated: 38 % of the image data missing"); null otherwise. */
    public String damage() {
        return !isDamaged() ? null : error.startsWith(DAMAGED) ? error.substring(DAMAGED.length()) : error;
    }

    /** The label that counts: the agent's when set, else the model's; null for an unreadable file. */
    public String finalLabel() {
        return agentLabel != null ? agentLabel : modelLabel;
    }

    /**
     * The model's unknown detector chose the label (the photo is far from every photo it learned from), not its
     * scores: the label's own score is then not the model's confidence in it, and is not shown as such.
     */
    public boolean isLabelledUnfamiliar() {
        return unknownScore.isPresent() && scores.stream().anyMatch(s -> s > confidence);
    }

    /** The agent chose another room than the model did. */
    public boolean isCorrected() {
        return agentLabel != null && !agentLabel.equals(modelLabel);
    }

    /** The agent has set a label, the model's own (a confirmation) or another one (a correction). */
    public boolean isReviewed() {
        return agentLabel != null;
    }

    /** How far the model's first choice is ahead of its second. */
    public float margin() {
        return confidence - secondConfidence;
    }

    public String fileName() {
        return file.getFileName().toString();
    }

    /**
     * The photo with the agent's label; a photo that changes room loses its place in the agent's listing
     * order (it goes where its new room's photos are), keeping rejected and cover.
     */
    public PhotoReview withAgentLabel(String label) {
        boolean moves = !Objects.equals(label != null ? label : modelLabel, finalLabel());
        ListingMark mark = moves ? listing.withRank(0) : listing;
        return new PhotoReview(
                file,
                modelLabel,
                confidence,
                scores,
                secondLabel,
                secondConfidence,
                label,
                error,
                mark,
                unknownScore,
                byMemory,
                warning);
    }

    public PhotoReview withListing(ListingMark mark) {
        return new PhotoReview(
                file,
                modelLabel,
                confidence,
                scores,
                secondLabel,
                secondConfidence,
                agentLabel,
                error,
                mark,
                unknownScore,
                byMemory,
                warning);
    }

    /** The same review, its proposal marked as the memory's ({@link #source()}). */
    public PhotoReview proposedByMemory() {
        return new PhotoReview(
                file,
                modelLabel,
                confidence,
                scores,
                secondLabel,
                secondConfidence,
                agentLabel,
                error,
                listing,
                unknownScore,
                true,
                warning);
    }

    /** The same review with the decoder's {@code warning} (null: none). */
    public PhotoReview withWarning(String warning) {
        return new PhotoReview(
                file,
                modelLabel,
                confidence,
                scores,
                secondLabel,
                secondConfidence,
                agentLabel,
                error,
                listing,
                unknownScore,
                byMemory,
                warning);
    }

    /** Who proposed the label: {@code memory} (the agent's reviewed photos) or {@code model}. */
    public String source() {
        return byMemory ? "memory" : "model";
    }

    /** Readable and not rejected: the photo may go into the listing. */
    public boolean isListable() {
        return isReadable() && !listing.rejected();
    }
}
