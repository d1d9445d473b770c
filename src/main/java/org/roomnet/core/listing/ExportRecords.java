package org.roomnet.core.listing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.roomnet.core.util.RoomNetHome;

/**
 * What RoomNet wrote into each export folder (file names and sizes), kept outside the folder (an upload
 * folder should hold the photos only), under {@code -Droomnet.home} or {@code ~/.roomnet}, in
 * {@code listings/}. It is how a folder is known to be an earlier export that may be replaced.
 */
public final class ExportRecords {

    private final Path dir;

    public ExportRecords(Path dir) {
        this.dir = dir;
    }

    public static ExportRecords defaultRecords() {
        return new ExportRecords(RoomNetHome.dir().resolve("listings"));
    }

    /** The files RoomNet wrote into {@code folder} the last time, by name with their sizes; empty when none. */
    public Map<String, Long> read(Path folder) throws IOException {
        Map<String, Long> files = new HashMap<>();
        try {
            for (String line : Files.readAllLines(fileFor(folder), StandardCharsets.UTF_8)) {
                int tab = line.lastIndexOf('\t');
                if (tab > 0) {
                    files.put(line.substring(0, tab), Long.parseLong(line.substring(tab + 1)));
                }
            }
        } catch (NoSuchFileException e) {
            return Map.of();
        } catch (NumberFormatException e) {
            throw new IOException("the record of the export to " + folder + " is damaged", e);
        }
        return files;
    }

    /** Records that {@code folder} now holds exactly {@code names} (sizes read from the disk). */
    void write(Path folder, List<String> names) throws IOException {
        Files.createDirectories(dir);
        StringBuilder text = new StringBuilder();
        for (String name : names) {
            text.append(name)
                    .append('\t')
                    .append(Files.size(folder.resolve(name)))
                    .append('\n');
        }
        Path tmp = Files.createTempFile(dir, ".record-", ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, fileFor(folder), StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The record of {@code from} becomes that of {@code to} (a folder renamed); none when {@code from} had none. */
    void move(Path from, Path to) throws IOException {
        Path source = fileFor(from);
        if (Files.exists(source)) {
            Files.move(source, fileFor(to), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Drops the record of a folder that is gone. */
    void forget(Path folder) throws IOException {
        Files.deleteIfExists(fileFor(folder));
    }

    /** The file an export into {@code folder} locks ({@link ExportLock}). */
    Path lockFile(Path folder) {
        return dir.resolve(key(folder) + ".lock");
    }

    private Path fileFor(Path folder) {
        return dir.resolve(key(folder) + ".tsv");
    }

    private static String key(Path folder) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(folder.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
