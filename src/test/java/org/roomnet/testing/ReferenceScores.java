package org.roomnet.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The scores training/export_onnx.py computed for its generated reference pictures (PNG and JPEG) with the
 * shipped model, and a check that they were made for that model. The pictures: {@link ReferencePictures}.
 */
public final class ReferenceScores {

    private static final Path DIR = Path.of("src/test/resources/org/roomnet/core/classify/reference");

    private ReferenceScores() {}

    /** File name to scores, for the files whose name ends with {@code extension} (".png", ".jpg"). */
    public static Map<String, float[]> read(String extension) throws IOException {
        String json = Files.readString(DIR.resolve("reference_scores.json"));
        if (!sha256(TestPhotos.model()).equals(field(json, "model_sha256"))) {
            throw new IllegalStateException("reference scores were made for another model: "
                    + "run training/export_onnx.py --java-reference-dir");
        }
        Map<String, float[]> scores = new LinkedHashMap<>();
        Matcher entries = Pattern.compile("\"(reference_[^\"]+" + Pattern.quote(extension) + ")\": \\[([^\\]]+)]")
                .matcher(json);
        while (entries.find()) {
            scores.put(entries.group(1), parseFloats(entries.group(2)));
        }
        return scores;
    }

    public static int argmax(float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    private static float[] parseFloats(String csv) {
        String[] parts = csv.split(",");
        float[] out = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Float.parseFloat(parts[i].trim());
        }
        return out;
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\": \"([^\"]+)\"").matcher(json);
        return m.find() ? m.group(1) : "";
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
