package org.roomnet.core.review;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Size and modification time of a file: a saved result only counts for the same, unchanged file. */
public record FileStamp(long size, long modifiedMillis) {

    public static Optional<FileStamp> of(Path file) {
        try {
            return Optional.of(new FileStamp(
                    Files.size(file), Files.getLastModifiedTime(file).toMillis()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
