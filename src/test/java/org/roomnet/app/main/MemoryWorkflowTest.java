package org.roomnet.app.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roomnet.app.ScriptedDialogs;
import org.roomnet.app.TestShoots;
import org.roomnet.app.photos.PhotoItem;
import org.roomnet.app.task.CurrentThreadExecutor;
import org.roomnet.app.util.UserSettings;
import org.roomnet.core.classify.ModelService;
import org.roomnet.core.listing.ExportRecords;
import org.roomnet.core.memory.MemoryFile;
import org.roomnet.core.memory.MemoryStore;
import org.roomnet.core.organize.JournalStore;

/** The app's memory of reviewed photos, through the main view model (background work runs in place). */
class MemoryWorkflowTest {

    @TempDir
    Path temp;

    private final Preferences prefs = Preferences.userRoot().node("roomnet-test/" + UUID.randomUUID());
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final List<MainViewModel> opened = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        opened.forEach(vm -> vm.shutdown().join());
        prefs.removeNode();
    }

    private MainViewModel viewModel(MemoryStore store) throws Exception {
        MainViewModel vm = new MainViewModel(
                new CurrentThreadExecutor(),
                ModelService.of(TestShoots.classifier()),
                dialogs,
                new JournalStore(temp.resolve("journals")),
                new ExportRecords(temp.resolve("listings")),
                new UserSettings(prefs),
                10_000,
                store);
        vm.loadModel();
        opened.add(vm);
        return vm;
    }

    @Test
    void aCorrectionInOneShootChangesTheProposalInTheNextAndForgetUndoesIt() throws Exception {
        Path first = TestShoots.create(temp.resolve("first"));
        Path photo;
        try (var files = Files.list(first)) {
            photo = files.filter(p -> p.getFileName().toString().endsWith(".jpg")
                            && !p.getFileName().toString().equals(TestShoots.CORRUPT))
                    .sorted()
                    .findFirst()
                    .orElseThrow();
        }
        Path second = Files.createDirectories(temp.resolve("second"));
        Files.copy(photo, second.resolve("same-room-other-name.jpg"));
        Path third = Files.createDirectories(temp.resolve("third"));
        Files.copy(photo, third.resolve("again.jpg"));
        MemoryStore store = new MemoryStore(temp.resolve("home").resolve(MemoryStore.FILE_NAME));

        MainViewModel vm = viewModel(store);
        vm.openFolder(first);
        assertEquals("Learned from 0 photos", vm.memoryTextProperty().get());
        PhotoItem item = vm.photos().item(photo).orElseThrow();
        String modelSaid = item.review().modelLabel();
        String corrected = ViewModelFixture.otherGroup(vm, item).label();
        assertTrue(vm.relabel(List.of(item), corrected));

        vm.openFolder(second); // leaving the first shoot puts its reviewed photo into the memory
        assertEquals(1, MemoryFile.read(store.file()).size());
        assertEquals("Learned from 1 photo", vm.memoryTextProperty().get());
        PhotoItem copy =
                vm.photos().item(second.resolve("same-room-other-name.jpg")).orElseThrow();
        assertEquals(corrected, copy.review().modelLabel(), "proposed from the agent's correction");
        assertEquals("memory", copy.review().source());
        assertFalse(copy.review().isReviewed(), "a proposal, still the agent's to confirm");

        MainViewModel restarted = viewModel(store); // the memory outlives the app
        restarted.openFolder(third);
        assertEquals(
                corrected,
                restarted
                        .photos()
                        .item(third.resolve("again.jpg"))
                        .orElseThrow()
                        .review()
                        .modelLabel());

        restarted.forgetMemoryAfterAsking();
        assertTrue(
                dialogs.confirmations.stream().anyMatch(c -> c.contains("Forget")), dialogs.confirmations.toString());
        assertFalse(Files.exists(store.file()));
        assertEquals("Learned from 0 photos", restarted.memoryTextProperty().get());
        Path fourth = Files.createDirectories(temp.resolve("fourth"));
        Files.copy(photo, fourth.resolve("once-more.jpg"));
        restarted.openFolder(fourth);
        PhotoItem alone =
                restarted.photos().item(fourth.resolve("once-more.jpg")).orElseThrow();
        assertEquals(modelSaid, alone.review().modelLabel());
        assertEquals("model", alone.review().source());
    }

    @Test
    void withoutAMemoryStoreTheAppWorksAsBefore() throws Exception {
        MainViewModel vm = viewModel(null);
        Path shoot = TestShoots.create(temp.resolve("shoot"));
        vm.openFolder(shoot);
        assertEquals("", vm.memoryTextProperty().get());
        assertTrue(vm.photos().groups().stream().mapToInt(g -> g.count()).sum() > 0);
    }
}
