package org.roomnet.core.review;

import org.roomnet.core.classify.ClassNames;
import org.roomnet.core.classify.Prediction;
import org.roomnet.core.util.TabSeparated;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The small hidden file that keeps a review beside its shoot, so that opening the folder again
 * restores it without classifying again. Tab-separated UTF-8, one photo per line:
 * <pre>
 * ROOMNET-REVIEW  2
 * MODEL       name  version
 * CLASSES     Backyard  Bathroom  ...            (the model's order)
 * PHOTO       file  size  modified-ms  agent-label|""  score,score,...  rejected|""  cover|""  rank|""  unknown-score|""  model-label
 * UNREADABLE  file  size  modified-ms  error
 * </pre>
 * Version 1 (before the listing: no last five columns) is read as well; the last two (model v3's unknown
 * score, and the model's label, which its unknown detector may have set) are a minor addition that older
 * versions skip: without them the model's label is the class of the highest score.
 * File names are relative to the shoot folder; backslash, tab and line breaks are escaped
 * ({@link TabSeparated}). The model's confidence and second choice are derived from the scores and its label. Writes are atomic (a temporary file moved over the old one), so a crash never leaves half
 * a sidecar.
 */
public final class ReviewSidecar {

    public static final String FILE_NAME = ".roomnet-review.tsv";
    public static final int FORMAT_VERSION = 2;
    /** The oldest version still read: it lacks the listing columns. */
    private static final int OLDEST_READ = 1;
    private static final String MAGIC = "ROOMNET-REVIEW";

    private ReviewSidecar() {
    }

    public static Path fileIn(Path folder) {
        return folder.resolve(FILE_NAME);
    }

    /** Writes (replaces) the sidecar of {@code folder}. */
    public static void write(Path folder, SavedReview review) throws IOException {
        Path target = fileIn(folder);
        Path tmp = folder.resolve(FILE_NAME + ".tmp");
        try (BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            line(out, MAGIC, Integer.toString(FORMAT_VERSION));
            line(out, "MODEL", review.modelName(), review.modelVersion());
            List<String> classes = new ArrayList<>();
            classes.add("CLASSES");
            classes.addAll(review.classNames());
            line(out, classes.toArray(String[]::new));
            for (SavedPhoto s : review.photos()) {
                PhotoReview p = s.review();
                String name = relative(folder, p.file());
                String size = Long.toString(s.stamp().size());
                String modified = Long.toString(s.stamp().modifiedMillis());
                if (p.isReadable()) {
                    ListingMark m = p.listing();
                    line(out, "PHOTO", name, size, modified, p.agentLabel() == null ? "" : p.agentLabel(),
                            joinScores(p.scores()), m.rejected() ? "rejected" : "", m.cover() ? "cover" : "",
                            m.rank() == 0 ? "" : Integer.toString(m.rank()),
                            p.unknownScore().isPresent() ? Double.toString(p.unknownScore().getAsDouble()) : "",
                            p.modelLabel());
                } else {
                    line(out, "UNREADABLE", name, size, modified, p.error());
                }
            }
        }
        hide(tmp);
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Reads the sidecar of {@code folder}: empty when there is none. A sidecar of another format
     * version, or one that cannot be parsed, is an {@link IOException} saying so.
     */
    public static Optional<SavedReview> read(Path folder) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(fileIn(folder), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        if (lines.isEmpty()) {
            throw new IOException("the saved review is empty");
        }
        String[] header = TabSeparated.split(lines.get(0));
        if (!MAGIC.equals(header[0]) || header.length < 2) {
            throw new IOException("not a RoomNet review file");
        }
        int version;
        try {
            version = Integer.parseInt(header[1]);
        } catch (NumberFormatException e) {
            version = -1;
        }
        if (version < OLDEST_READ || version > FORMAT_VERSION) {
            throw new IOException("the saved review has format version " + header[1] + "; this version reads "
                    + OLDEST_READ + " to " + FORMAT_VERSION);
        }
        String modelName = "";
        String modelVersion = "";
        List<String> classes = List.of();
        List<SavedPhoto> photos = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isEmpty()) {
                continue;
            }
            String[] f = TabSeparated.split(lines.get(i));
            try {
                switch (f[0]) {
                    case "MODEL" -> {
                        modelName = f[1];
                        modelVersion = f[2];
                    }
                    case "CLASSES" -> classes = List.of(Arrays.copyOfRange(f, 1, f.length));
                    case "PHOTO" -> photos.add(readPhoto(folder, classes, f));
                    case "UNREADABLE" -> photos.add(new SavedPhoto(
                            PhotoReview.unreadable(folder.resolve(f[1]), f[4]), stamp(f)));
                    default -> {
                        // a line of a later minor addition: skipped
                    }
                }
            } catch (RuntimeException e) {
                throw new IOException("line " + (i + 1) + " of the saved review is damaged: " + e.getMessage(), e);
            }
        }
        if (classes.isEmpty()) {
            throw new IOException("the saved review names no room types");
        }
        try {
            ClassNames.check(classes); // they become folder names when the review is sorted (issue 18.3)
        } catch (IllegalArgumentException e) {
            throw new IOException("the saved review's room types cannot be used: " + e.getMessage(), e);
        }
        return Optional.of(new SavedReview(modelName, modelVersion, classes, photos));
    }

    private static SavedPhoto readPhoto(Path folder, List<String> classes, String[] f) {
        if (classes.isEmpty()) {
            throw new IllegalArgumentException("photo before the room types");
        }
        String[] parts = f[5].split(",");
        float[] scores = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            scores[i] = Float.parseFloat(parts[i]);
        }
        String agent = f[4].isEmpty() ? null : f[4];
        if (agent != null && !classes.contains(agent)) {
            throw new IllegalArgumentException("unknown room type " + agent);
        }
        OptionalDouble unknown = f.length > 9 && !f[9].isEmpty() ? OptionalDouble.of(Double.parseDouble(f[9]))
                : OptionalDouble.empty();
        Prediction prediction = Prediction.of(classes, scores, null, unknown);
        if (f.length > 10 && !f[10].isEmpty()) {
            if (!classes.contains(f[10])) {
                throw new IllegalArgumentException("unknown room type " + f[10]);
            }
            prediction = prediction.withLabel(f[10]);
        }
        ListingMark mark = f.length < 9 ? ListingMark.NONE : new ListingMark("rejected".equals(f[6]), "cover".equals(f[7]),
                f[8].isEmpty() ? 0 : Integer.parseInt(f[8]));
        return new SavedPhoto(PhotoReview.fromPrediction(folder.resolve(f[1]), prediction, agent, mark), stamp(f));
    }

    private static FileStamp stamp(String[] f) {
        return new FileStamp(Long.parseLong(f[2]), Long.parseLong(f[3]));
    }

    private static String relative(Path folder, Path file) {
        Path rel = file.startsWith(folder) ? folder.relativize(file) : file.getFileName();
        return rel.toString();
    }

    private static String joinScores(List<Float> scores) {
        StringBuilder sb = new StringBuilder();
        for (Float s : scores) {
            if (!sb.isEmpty()) {
                sb.append(',');
            }
            sb.append(s);
        }
        return sb.toString();
    }

    private static void line(BufferedWriter out, String... fields) throws IOException {
        String[] plain = new String[fields.length];
        for (int i = 0; i < fields.length; i++) {
            plain[i] = fields[i] == null ? "" : fields[i];
        }
        out.write(TabSeparated.join(plain));
        out.write('\n');
    }

    /** A dot file is hidden on Linux and macOS already; Windows needs the attribute. */
    private static void hide(Path file) {
        try {
            if (Files.getFileStore(file).supportsFileAttributeView("dos")) {
                Files.setAttribute(file, "dos:hidden", true);
            }
        } catch (IOException | RuntimeException ignored) {
            // only cosmetic
        }
    }
}
