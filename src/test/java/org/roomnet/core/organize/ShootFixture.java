package org.roomnet.core.organize;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.roomnet.testing.Snapshot;

/**
 * The organize tests' shoot: four small stand-in photos (their text is their content) with the room
 * each goes to, one unreadable file that is not assigned, a destination and a journal store.
 */
abstract class ShootFixture {

    @TempDir
    Path tmp;

    Path shoot;
    Path dest;
    JournalStore journals;
    List<Assignment> assignments;

    @BeforeEach
    void shoot() throws IOException {
        shoot = Files.createDirectories(tmp.resolve("shoot"));
        dest = tmp.resolve("sorted");
        // where -Droomnet.home=<tmp>/home puts them, for a command line started by a test
        journals = new JournalStore(tmp.resolve("home").resolve("journals"));
        assignments =
                photos(shoot, "k1.jpg", "Kitchen", "k2.jpg", "Kitchen", "b1.jpg", "Bathroom", "f1.jpg", "Frontyard");
        Files.writeString(shoot.resolve("broken.jpg"), "unreadable, not assigned");
    }

    /** Writes {@code name, room, name, room, ...} into {@code dir}; returns the assignments. */
    static List<Assignment> photos(Path dir, String... nameAndRoom) throws IOException {
        List<Assignment> list = new ArrayList<>();
        for (int i = 0; i < nameAndRoom.length; i += 2) {
            Path photo = Files.writeString(dir.resolve(nameAndRoom[i]), "photo " + nameAndRoom[i]);
            list.add(new Assignment(photo, nameAndRoom[i + 1]));
        }
        return list;
    }

    /** Three photos of {@code photoBytes} each in /shoot of the card, for the Kitchen. */
    static List<Assignment> photosOnACard(FileSystem card, int photoBytes) throws IOException {
        Path shoot = Files.createDirectories(card.getPath("/shoot"));
        List<Assignment> list = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            list.add(new Assignment(Files.write(shoot.resolve("p" + i + ".jpg"), new byte[photoBytes]), "Kitchen"));
        }
        return list;
    }

    /** A memory card of {@code bytes}, in memory. */
    static FileSystem card(long bytes) {
        return Jimfs.newFileSystem(
                Configuration.unix().toBuilder().setMaxSize(bytes).build());
    }

    static Map<String, String> snapshot(Path root) throws IOException {
        return Snapshot.of(root);
    }
}
