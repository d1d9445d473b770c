package org.roomnet.core.memory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.roomnet.core.classify.PhotoResult;
import org.roomnet.core.classify.Prediction;
import org.roomnet.core.classify.RoomClassifier;

/**
 * Turns labelled photos into memories: runs the model on them for their embeddings and hashes their content.
 * A photo that cannot be read, is damaged or gives no embedding is skipped, with the reason.
 */
public final class MemoryLearner {

    /** The memories made, and the photos skipped with why. */
    public record Outcome(List<MemoryEntry> entries, List<String> skipped) {}

    private MemoryLearner() {}

    /** Checks that {@code classifier} gives the embeddings memories are made of. */
    public static void requireEmbedding(RoomClassifier classifier) {
        if (classifier.description().embeddingOutput() == null) {
            throw new IllegalArgumentException(
                    "the model " + classifier.description().version()
                            + " gives no embedding, which the memory needs (model v2 or later)");
        }
    }

    /**
     * The memories of labelled photos from their classification results (the shoot's one way of classifying,
     * {@code Shoot.classifyRest}, made them).
     *
     * @param results the classification of the photos of {@code labels}
     * @param labels  the room type of each photo (paths inside {@code folder})
     * @param shoot   what the memories record as their shoot (the folder's absolute path, for forget and re-learn)
     */
    public static Outcome learn(
            List<PhotoResult> results, Path folder, Map<Path, String> labels, String shoot, long now) {
        Path base = folder.toAbsolutePath().normalize();
        List<MemoryEntry> entries = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (PhotoResult r : results) {
            String name = base.relativize(r.file().toAbsolutePath().normalize())
                    .toString()
                    .replace('\\', '/');
            Prediction p = r.prediction();
            if (!r.isClassified() || r.isDamaged()) {
                skipped.add(name + ": " + (r.isDamaged() ? "damaged (" + r.damage() + ")" : r.error()));
            } else if (!p.hasEmbedding()) {
                skipped.add(name + ": the model gave no embedding");
            } else {
                try {
                    entries.add(
                            MemoryEntry.of(labels.get(r.file()), shoot, name, sha256(r.file()), now, p.embedding()));
                } catch (IOException e) {
                    skipped.add(name + ": cannot read it (" + e.getMessage() + ")");
                }
            }
        }
        return new Outcome(entries, skipped);
    }

    public static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
