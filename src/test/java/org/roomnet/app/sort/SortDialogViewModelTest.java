package org.roomnet.app.sort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.roomnet.core.organize.TransferMode;
import org.roomnet.core.workflow.SortPlan;

class SortDialogViewModelTest {

    private final Path folder = Path.of("/photos/12 Oak St").toAbsolutePath();

    private SortPlan plan(int unreadable) {
        Map<String, Integer> rooms = new LinkedHashMap<>();
        rooms.put("Bathroom", 2);
        rooms.put("Kitchen", 3);
        return new SortPlan(folder, SortPlan.defaultDestination(folder), rooms, 5, unreadable, 0, 0);
    }

    @Test
    void theDefaultDestinationIsBesideTheShoot() {
        assertEquals(folder.resolveSibling("12 Oak St_classified"), SortPlan.defaultDestination(folder));
    }

    @Test
    void theSummarySaysExactlyWhatACopyDoes() {
        SortDialogViewModel vm = new SortDialogViewModel(plan(1));
        String text = vm.summaryProperty().get();
        Path dest = folder.resolveSibling("12 Oak St_classified");
        assertTrue(
                text.startsWith(
                        "5 photos will be copied into " + dest.resolve("<RoomType>") + "/ (Bathroom 2, Kitchen 3)."),
                text);
        assertTrue(text.contains("Existing files are never overwritten"), text);
        assertTrue(text.contains("1 unreadable file stays where it is."), text);
        assertTrue(text.contains("The shoot folder is left as it is."), text);
        assertEquals(new SortRequest(TransferMode.COPY, dest), vm.request().orElseThrow());
    }

    @Test
    void choosingMoveAndAnotherFolderChangesTheWords() {
        SortDialogViewModel vm = new SortDialogViewModel(plan(2));
        vm.modeProperty().set(TransferMode.MOVE);
        vm.destinationProperty().set("/elsewhere/sorted");
        String text = vm.summaryProperty().get();
        assertTrue(
                text.contains("will be moved into "
                        + Path.of("/elsewhere/sorted").toAbsolutePath().resolve("<RoomType>")),
                text);
        assertTrue(text.contains("2 unreadable files stay where they are."), text);
        assertTrue(text.contains("The photos leave the shoot folder"), text);
        assertEquals(TransferMode.MOVE, vm.request().orElseThrow().mode());
    }

    @Test
    void noDestinationCannotBeConfirmed() {
        SortDialogViewModel vm = new SortDialogViewModel(plan(0));
        vm.destinationProperty().set("  ");
        assertFalse(vm.validProperty().get());
        assertTrue(vm.request().isEmpty());
        assertEquals("Choose a destination folder.", vm.summaryProperty().get());
    }

    @Test
    void theSummarySaysThatRejectedPhotosStay() {
        Map<String, Integer> rooms = Map.of("Kitchen", 4);
        SortPlan three = new SortPlan(folder, SortPlan.defaultDestination(folder), rooms, 4, 0, 3, 0);
        String text = new SortDialogViewModel(three).summaryProperty().get();
        assertTrue(text.contains("3 rejected photos stay where they are (rejected photos are not sorted)."), text);
        assertTrue(text.startsWith("4 photos will be copied"), text);
        SortPlan one = new SortPlan(folder, SortPlan.defaultDestination(folder), rooms, 4, 0, 1, 0);
        assertTrue(new SortDialogViewModel(one).summaryProperty().get().contains("1 rejected photo stays where it is"));
        assertFalse(new SortDialogViewModel(plan(0)).summaryProperty().get().contains("rejected"), "none: not said");
    }

    @Test
    void onlyRejectedPhotosLeaveNothingToSort() {
        SortPlan allRejected = new SortPlan(folder, SortPlan.defaultDestination(folder), Map.of(), 0, 0, 2, 0);
        SortDialogViewModel vm = new SortDialogViewModel(allRejected);
        assertFalse(vm.validProperty().get());
        assertTrue(
                vm.summaryProperty().get().contains("Every readable photo is rejected"),
                vm.summaryProperty().get());
    }
}
