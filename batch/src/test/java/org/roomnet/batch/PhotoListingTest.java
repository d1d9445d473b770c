package org.roomnet.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhotoListingTest {

    @TempDir
    Path dir;

    private List<String> names(PhotoListing listing) {
        return listing.files().stream()
                .map(f -> MergedCsv.relative(listing.base(), f))
                .toList();
    }

    private void tree() throws Exception {
        for (String name : List.of(
                "b.jpg",
                "a.jpg",
                "_DSC0001.JPG",
                ".hidden.jpg",
                "sub/c.jpg",
                "sub/.d.jpg",
                ".cache/e.jpg",
                "sub/deeper/f.png",
                "x 1.jpg")) {
            Files.createDirectories(dir.resolve(name).getParent());
            Files.writeString(dir.resolve(name), "x");
        }
    }

    @Test
    void aFolderIsListedAsClassifyListsAShoot() throws Exception {
        tree();
        PhotoListing flat = PhotoListing.of(dir.toString(), false, new Configuration());
        assertEquals(List.of("_DSC0001.JPG", "a.jpg", "b.jpg", "x 1.jpg"), names(flat));
        assertEquals("file:" + dir, flat.base());
        PhotoListing deep = PhotoListing.of(dir.toString(), true, new Configuration());
        assertEquals(
                List.of("_DSC0001.JPG", "a.jpg", "b.jpg", "sub/c.jpg", "sub/deeper/f.png", "x 1.jpg"), names(deep));
    }

    @Test
    void aGlobListsWhatItMatchesRelativeToTheFolderAboveIt() throws Exception {
        tree();
        PhotoListing glob = PhotoListing.of(dir + "/s*/*.jpg", false, new Configuration());
        assertEquals(List.of("sub/c.jpg"), names(glob));
        assertEquals("file:" + dir, glob.base());
        PhotoListing folders = PhotoListing.of(dir + "/su?", true, new Configuration());
        assertEquals(List.of("sub/c.jpg", "sub/deeper/f.png"), names(folders));
    }

    @Test
    void aMissingInputOrAnEmptyGlobIsAClearError() {
        var missing = assertThrows(
                FileNotFoundException.class,
                () -> PhotoListing.of(dir.resolve("nope").toString(), false, new Configuration()));
        assertTrue(missing.getMessage().startsWith("no such file or folder"), missing.getMessage());
        var none = assertThrows(
                FileNotFoundException.class, () -> PhotoListing.of(dir + "/*.heic", false, new Configuration()));
        assertTrue(none.getMessage().startsWith("nothing matches"), none.getMessage());
    }
}
