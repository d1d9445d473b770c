package org.roomnet.core.memory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Which model made a memory's embeddings: its version and a fingerprint of the model file (SHA-256). Two
 * models' embeddings live in different spaces, so a memory is only used with the model that filled it.
 */
public record ModelKey(String version, String fingerprint) {

    public ModelKey {
        if (version == null || fingerprint == null || fingerprint.isBlank()) {
            throw new IllegalArgumentException("a model key needs a version and a fingerprint");
        }
    }

    public static ModelKey of(Path modelFile, String version) throws IOException {
        try (InputStream in = Files.newInputStream(modelFile)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha.update(buffer, 0, n);
            }
            return new ModelKey(version, HexFormat.of().formatHex(sha.digest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** For messages: the version and the start of the fingerprint. */
    public String describe() {
        return version + " (" + fingerprint.substring(0, Math.min(12, fingerprint.length())) + ")";
    }
}
