package org.roomnet.core.review;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import org.roomnet.core.classify.ClassNames;
import org.roomnet.core.classify.Prediction;
import org.roomnet.core.util.TabSeparated;

/**
 * The text of a review sidecar, without any file I/O. Tab-separated UTF-8, one photo per line:
 * <pre>
 * ROOMNET-REVIEW  3
 * GENERATION  n                                   (one more at every save)
 * MODEL       name  version
 * CLASSES     Backyard  Bathroom  ...            (the model's order, then room types the agent added)
 * PHOTO       file  size  modified-ms  agent-label|""  score,score,...  rejected|""  cover|""  rank|""  edited-ms
 *             unknown-score|""  model-label       (model v3's unknown score, and the label its detector may set)
 *             warning|""  memory|""               (the decoder's note, e.g. an unreadable colour profile; "memory"
 *                                                 where the memory of reviewed photos proposed the label)
 * UNREADABLE  file  size  modified-ms  error
 * </pre>
 * {@code edited-ms} is when the agent last changed that photo (0: never): two saves of one shoot are
 * merged photo by photo by it ({@link ReviewMerge}). Versions 1 (no listing columns) and 2 (no
 * generation, no edit time) are read as well; without a model label the model's label is the class of the
 * highest score. The room types pass the same check as a model's class names ({@link ClassNames}): they become
 * folder names when the review is sorted (issue 18, point 3). A damaged line is left out and named
 * ({@link DamagedLine}); every good line is kept. Only a damaged header (first line, room types)
 * makes the whole file unusable.
 */
final class SidecarFormat {

    static final String MAGIC = "ROOMNET-REVIEW";
    static final int VERSION = 3;
    private static final int OLDEST_READ = 1;
    private static final String MEMORY = "memory";

    private SidecarFormat() {}

    /** What the bytes of a sidecar hold: the review (null when the header is unusable) and the damaged lines. */
    record Parsed(SavedReview review, List<DamagedLine> damaged, long generation) {}

    static byte[] format(Path folder, SavedReview review, long generation) {
        StringBuilder out = new StringBuilder(128 + review.photos().size() * 160);
        line(out, MAGIC, Integer.toString(VERSION));
        line(out, "GENERATION", Long.toString(generation));
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
                line(
                        out,
                        "PHOTO",
                        name,
                        size,
                        modified,
                        p.agentLabel() == null ? "" : p.agentLabel(),
                        joinScores(p.scores(), review.classNames().size()),
                        m.rejected() ? "rejected" : "",
                        m.cover() ? "cover" : "",
                        m.rank() == 0 ? "" : Integer.toString(m.rank()),
                        Long.toString(s.editedMillis()),
                        p.unknownScore().isPresent()
                                ? Double.toString(p.unknownScore().getAsDouble())
                                : "",
                        p.modelLabel(),
                        p.warning() == null ? "" : p.warning(),
                        p.byMemory() ? MEMORY : "");
            } else {
                line(out, "UNREADABLE", name, size, modified, p.error());
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static Parsed parse(Path folder, byte[] bytes) {
        List<String> lines = new ArrayList<>();
        List<DamagedLine> damaged = new ArrayList<>();
        splitLines(bytes, lines, damaged);
        if (lines.isEmpty() || (lines.size() == 1 && lines.get(0) == null)) {
            return whole(damaged, 1, "the file is empty");
        }
        String first = lines.get(0);
        String[] header = first == null ? new String[] {""} : TabSeparated.split(first);
        if (!MAGIC.equals(header[0]) || header.length < 2) {
            return whole(damaged, 1, "not a RoomNet review file");
        }
        int version;
        try {
            version = Integer.parseInt(header[1]);
        } catch (NumberFormatException e) {
            version = -1;
        }
        if (version < OLDEST_READ || version > VERSION) {
            return whole(
                    damaged,
                    1,
                    "format version " + header[1] + "; this version of RoomNet reads " + OLDEST_READ + " to "
                            + VERSION);
        }
        String modelName = "";
        String modelVersion = "";
        long generation = 0;
        List<String> classes = List.of();
        List<SavedPhoto> photos = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String text = lines.get(i);
            if (text == null || text.isEmpty()) {
                continue; // undecodable lines are already in damaged; a trailing empty line is normal
            }
            String[] f = TabSeparated.split(text);
            try {
                switch (f[0]) {
                    case "GENERATION" -> generation = Long.parseLong(f[1]);
                    case "MODEL" -> {
                        modelName = f[1];
                        modelVersion = f[2];
                    }
                    case "CLASSES" -> classes = classes(f);
                    case "PHOTO" -> photos.add(photo(folder, classes, f));
                    case "UNREADABLE" ->
                        photos.add(new SavedPhoto(PhotoReview.unreadable(file(folder, f[1]), f[4]), stamp(f), 0));
                    default -> {
                        // a line of a later minor addition: skipped
                    }
                }
            } catch (RuntimeException e) {
                damaged.add(new DamagedLine(i + 1, reason(e)));
            }
        }
        damaged.sort((a, b) -> Integer.compare(a.number(), b.number()));
        if (classes.isEmpty()) {
            return whole(damaged, 0, "the file names no room types");
        }
        return new Parsed(new SavedReview(modelName, modelVersion, classes, photos), List.copyOf(damaged), generation);
    }

    /** The whole file is unusable: every photo in it is lost to this reader (never to the file, which is kept). */
    private static Parsed whole(List<DamagedLine> damaged, int line, String reason) {
        List<DamagedLine> all = new ArrayList<>();
        all.add(new DamagedLine(line, reason + " (the whole review is unusable)"));
        all.addAll(damaged.stream().filter(d -> d.number() != line).toList());
        return new Parsed(null, List.copyOf(all), 0);
    }

    /** Splits on line feeds; a line that is not valid UTF-8 is recorded as damaged and kept as null. */
    private static void splitLines(byte[] bytes, List<String> lines, List<DamagedLine> damaged) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                if (i == bytes.length && start == i) {
                    break;
                }
                int end = i > start && bytes[i - 1] == '\r' ? i - 1 : i;
                try {
                    lines.add(decoder.reset()
                            .decode(ByteBuffer.wrap(bytes, start, end - start))
                            .toString());
                } catch (CharacterCodingException e) {
                    lines.add(null);
                    damaged.add(new DamagedLine(lines.size(), "not valid UTF-8 text"));
                }
                start = i + 1;
            }
        }
    }

    private static List<String> classes(String[] f) {
        List<String> names = List.of(Arrays.copyOfRange(f, 1, f.length));
        if (names.isEmpty()
                || names.stream().anyMatch(String::isBlank)
                || names.stream().distinct().count() != names.size()) {
            throw new IllegalArgumentException("the room types are damaged");
        }
        ClassNames.check(names);
        return names;
    }

    private static SavedPhoto photo(Path folder, List<String> classes, String[] f) {
        if (classes.isEmpty()) {
            throw new IllegalArgumentException("a photo before the room types");
        }
        String[] parts = f[5].split(",");
        if (parts.length != classes.size()) {
            throw new IllegalArgumentException(parts.length + " scores for " + classes.size() + " room types");
        }
        float[] scores = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            scores[i] = Float.parseFloat(parts[i]);
            if (!Float.isFinite(scores[i])) {
                throw new IllegalArgumentException("a score is not a number");
            }
        }
        String agent = f[4].isEmpty() ? null : f[4];
        if (agent != null && !classes.contains(agent)) {
            throw new IllegalArgumentException("unknown room type " + agent);
        }
        OptionalDouble unknown = f.length > 10 && !f[10].isEmpty()
                ? OptionalDouble.of(Double.parseDouble(f[10]))
                : OptionalDouble.empty();
        Prediction prediction = Prediction.of(classes, scores, null, unknown);
        if (f.length > 11 && !f[11].isEmpty()) {
            if (!classes.contains(f[11])) {
                throw new IllegalArgumentException("unknown room type " + f[11]);
            }
            prediction = prediction.withLabel(f[11]);
        }
        ListingMark mark = f.length < 9
                ? ListingMark.NONE
                : new ListingMark(
                        "rejected".equals(f[6]), "cover".equals(f[7]), f[8].isEmpty() ? 0 : Integer.parseInt(f[8]));
        long edited = f.length < 10 ? 0 : Long.parseLong(f[9]);
        if (edited < 0) {
            throw new IllegalArgumentException("edit time " + edited);
        }
        PhotoReview review = PhotoReview.fromPrediction(file(folder, f[1]), prediction, agent, mark);
        if (f.length > 12 && !f[12].isEmpty()) {
            review = review.withWarning(f[12]);
        }
        if (f.length > 13 && MEMORY.equals(f[13])) {
            review = review.proposedByMemory();
        }
        return new SavedPhoto(review, stamp(f), edited);
    }

    /** A name inside the shoot: never absolute, never through "..". */
    private static Path file(Path folder, String name) {
        Path rel = Path.of(name);
        if (name.isEmpty()
                || rel.isAbsolute()
                || rel.normalize().startsWith("..")
                || !rel.normalize().equals(rel)) {
            throw new IllegalArgumentException("file name outside the shoot: " + name);
        }
        return folder.resolve(rel);
    }

    private static FileStamp stamp(String[] f) {
        return new FileStamp(Long.parseLong(f[2]), Long.parseLong(f[3]));
    }

    private static String reason(RuntimeException e) {
        if (e instanceof ArrayIndexOutOfBoundsException) {
            return "fields missing";
        }
        if (e instanceof NumberFormatException) {
            return "not a number where one belongs";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String relative(Path folder, Path file) {
        Path rel = file.startsWith(folder) ? folder.relativize(file) : file.getFileName();
        return rel.toString();
    }

    /**
     * One score per room type: a photo classified before the agent added a room type has none for it, and gets 0
     * (only the agent can give it that room).
     */
    private static String joinScores(List<Float> scores, int roomTypes) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.max(roomTypes, scores.size()); i++) {
            if (!sb.isEmpty()) {
                sb.append(',');
            }
            sb.append(i < scores.size() ? scores.get(i) : Float.valueOf(0f));
        }
        return sb.toString();
    }

    private static void line(StringBuilder out, String... fields) {
        String[] plain = new String[fields.length];
        for (int i = 0; i < fields.length; i++) {
            plain[i] = fields[i] == null ? "" : fields[i];
        }
        out.append(TabSeparated.join(plain)).append('\n');
    }
}
