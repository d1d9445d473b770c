package org.roomnet.core.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.roomnet.core.util.RealPaths;

/**
 * Where a report may be written. A report never replaces a file that is not a RoomNet report
 * (unless {@code overwriteAnything}), and never lands inside the folder being classified (unless
 * {@code insideShootAllowed}); a report that is there anyway is left out of the photos
 * ({@link #isReportTarget}), so it is never classified or organised itself.
 */
public final class ReportTarget {

    /** The report cannot be written there; the message says why and what to pass to do it anyway. */
    public static final class RefusedException extends Exception {
        public RefusedException(String message) {
            super(message);
        }
    }

    private ReportTarget() {}

    public static void check(Path target, Path shootFolder, boolean overwriteAnything, boolean insideShootAllowed)
            throws RefusedException {
        if (Files.isDirectory(target)) {
            throw new RefusedException(target + " is a folder; name a file for the report");
        }
        if (!insideShootAllowed && isInside(target, shootFolder)) {
            throw new RefusedException(target + " is inside the folder being classified; write the report elsewhere"
                    + " (or pass --report-in-shoot)");
        }
        if (Files.exists(target) && !overwriteAnything && !isRoomNetReport(target)) {
            throw new RefusedException(target + " exists and is not a RoomNet report; it is not replaced"
                    + " (pass --force to replace it)");
        }
    }

    /** Two reports must not go to the same file. */
    public static void checkDistinct(Path csv, Path xlsx) throws RefusedException {
        if (csv != null && xlsx != null && RealPaths.of(csv).equals(RealPaths.of(xlsx))) {
            throw new RefusedException("--csv and --xlsx name the same file: " + csv);
        }
    }

    /** Whether {@code file} is one of the report files (by real path, so another spelling counts too). */
    public static boolean isReportTarget(Path file, List<Path> targets) {
        Path real = RealPaths.of(file);
        return targets.stream().anyMatch(t -> t != null && RealPaths.of(t).equals(real));
    }

    /** A CSV with RoomNet's header, or a workbook with RoomNet's two sheets. */
    static boolean isRoomNetReport(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] start = in.readNBytes(64);
            String text = new String(start, StandardCharsets.UTF_8);
            if (text.startsWith("file,label,confidence,error,")) {
                return true;
            }
            if (start.length < 4 || start[0] != 'P' || start[1] != 'K') {
                return false;
            }
        } catch (IOException e) {
            return false;
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry workbook = zip.getEntry("xl/workbook.xml");
            if (workbook == null || workbook.getSize() > 1_000_000) {
                return false;
            }
            try (InputStream in = zip.getInputStream(workbook)) {
                String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                return xml.contains("name=\"" + XlsxReport.PHOTOS_SHEET + "\"")
                        && xml.contains("name=\"" + XlsxReport.SUMMARY_SHEET + "\"");
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean isInside(Path target, Path folder) {
        Path parent = RealPaths.of(target).getParent();
        return parent != null && parent.startsWith(RealPaths.of(folder));
    }
}
