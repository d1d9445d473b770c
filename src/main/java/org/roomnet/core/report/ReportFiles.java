package org.roomnet.core.report;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.concurrent.ThreadLocalRandom;

/** Writes a report to a hidden temporary file of its own beside the target, then moves it into place. */
final class ReportFiles {

    @FunctionalInterface
    interface Writer {
        void write(Path file) throws IOException;
    }

    private ReportFiles() {}

    static void writeAtomically(Path target, Writer writer) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = createBeside(dir);
        try {
            writer.write(tmp);
            keepPermissionsOf(target, tmp); // after writing: they may not let the owner write
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * A new file of a name of its own ("<target>.tmp" could be someone's file), made as any new file is, so its
     * permissions follow the umask (Files.createTempFile's are the owner's only: a report the agent shares
     * would be unreadable to the others).
     */
    private static Path createBeside(Path dir) throws IOException {
        for (int attempt = 1; ; attempt++) {
            Path tmp = dir.resolve(".roomnet-report-"
                    + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
            try {
                return Files.createFile(tmp);
            } catch (FileAlreadyExistsException e) {
                if (attempt == 100) {
                    throw e;
                }
            }
        }
    }

    /** A report replaced keeps the permissions it had, as a file written over in place does. */
    private static void keepPermissionsOf(Path target, Path tmp) throws IOException {
        PosixFileAttributeView old = Files.getFileAttributeView(target, PosixFileAttributeView.class);
        if (old != null && Files.isRegularFile(target)) {
            Files.setPosixFilePermissions(tmp, old.readAttributes().permissions());
        }
    }
}
