package org.roomnet.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Everything under a folder, to compare before and after: content, link targets, permissions and owner (where the file system has them). */
public final class Snapshot {

    private Snapshot() {}

    public static Map<String, String> of(Path root) throws IOException {
        Map<String, String> entries = new TreeMap<>();
        if (!Files.exists(root)) {
            return entries;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.toList()) {
                String key = root.relativize(p).toString();
                if (Files.isSymbolicLink(p)) {
                    entries.put(key, "-> " + Files.readSymbolicLink(p));
                } else if (Files.isDirectory(p)) {
                    entries.put(key, "<dir>");
                } else if (Files.getFileStore(p).supportsFileAttributeView("unix")) {
                    entries.put(
                            key,
                            sha256(p) + " " + PosixFilePermissions.toString(Files.getPosixFilePermissions(p)) + " "
                                    + Files.getAttribute(p, "unix:uid") + ":" + Files.getAttribute(p, "unix:gid"));
                } else {
                    entries.put(key, sha256(p));
                }
            }
        }
        return entries;
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
