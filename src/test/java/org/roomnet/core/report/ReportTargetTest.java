package org.roomnet.core.report;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roomnet.core.review.ListingChecklist;

/** Issue 9, point 1: where a report may go. */
class ReportTargetTest {

    @TempDir
    Path dir;

    @Test
    void aReportInsideTheShootIsRefusedAlsoThroughALinkToIt() throws Exception {
        Path shoot = Files.createDirectories(dir.resolve("shoot"));
        Path alias = Files.createSymbolicLink(dir.resolve("alias"), shoot);
        for (Path target :
                List.of(shoot.resolve("rooms.csv"), alias.resolve("rooms.csv"), shoot.resolve("sub/rooms.csv"))) {
            ReportTarget.RefusedException e = assertThrows(
                    ReportTarget.RefusedException.class, () -> ReportTarget.check(target, shoot, false, false));
            assertTrue(e.getMessage().contains("inside the folder being classified"), e.getMessage());
            assertDoesNotThrow(() -> ReportTarget.check(target, shoot, false, true));
        }
        assertTrue(ReportTarget.isReportTarget(shoot.resolve("rooms.csv"), List.of(alias.resolve("rooms.csv"))));
        assertFalse(ReportTarget.isReportTarget(shoot.resolve("other.csv"), List.of(alias.resolve("rooms.csv"))));
    }

    @Test
    void onlyOurOwnReportsAreReplacedWithoutForce() throws Exception {
        Path shoot = Files.createDirectories(dir.resolve("shoot"));
        Report report = new Report(List.of("Kitchen"), List.of(), ListingChecklist.DEFAULT);
        Path csv = dir.resolve("rooms.csv");
        Path xlsx = dir.resolve("rooms.xlsx");
        CsvReport.write(report, csv);
        XlsxReport.write(report, xlsx);
        assertDoesNotThrow(() -> ReportTarget.check(csv, shoot, false, false));
        assertDoesNotThrow(() -> ReportTarget.check(xlsx, shoot, false, false));

        Path notes = Files.writeString(dir.resolve("notes.csv"), "name,phone\n");
        assertThrows(ReportTarget.RefusedException.class, () -> ReportTarget.check(notes, shoot, false, false));
        assertDoesNotThrow(() -> ReportTarget.check(notes, shoot, true, false));
        assertThrows(ReportTarget.RefusedException.class, () -> ReportTarget.check(dir, shoot, true, true), "a folder");
        assertThrows(
                ReportTarget.RefusedException.class, () -> ReportTarget.checkDistinct(csv, dir.resolve("./rooms.csv")));
    }
}
