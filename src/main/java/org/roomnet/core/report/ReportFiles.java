package org.roomnet.core.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a report to a hidden temporary file of its own beside the target, then moves it into place. */
final class ReportFiles {

    @FunctionalInterface
    interface Writer {
        void write(Path file) throws IOException;
    }

    private ReportFiles() {
    }

    static void writeAtomically(Path target, Writer writer) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        // a name of its own: "<target>.tmp" could be someone's file
        Path tmp = Files.createTempFile(dir, ".roomnet-report-", ".tmp");
        try {
            writer.write(tmp);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
