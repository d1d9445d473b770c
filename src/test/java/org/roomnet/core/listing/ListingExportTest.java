package org.roomnet.core.listing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.constants.ExifTagConstants;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputDirectory;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roomnet.core.review.PhotoReview;
import org.roomnet.core.review.Photos;
import org.roomnet.core.review.Review;
import org.roomnet.testing.Machine;
import org.roomnet.testing.TestPhotos;

/** Issue 11: presets, orientation, metadata, the export folder, cancel. Photos are generated, small where size does not matter. */
class ListingExportTest {

    @TempDir
    Path temp;

    private Path shoot() throws Exception {
        return Files.createDirectories(temp.resolve("shoot"));
    }

    private ExportRecords records() {
        return new ExportRecords(temp.resolve("home/listings"));
    }

    /** A JPEG with camera EXIF: capture time, make, model, GPS, owner, serial numbers, artist; {@code orientation} as given. */
    static Path photoWithExif(BufferedImage stored, Path file, int orientation) throws Exception {
        byte[] jpeg = TestPhotos.jpegBytes(stored, false);
        TiffOutputSet set = new TiffOutputSet();
        TiffOutputDirectory root = set.getOrCreateRootDirectory();
        root.add(TiffTagConstants.TIFF_TAG_MAKE, "Canon");
        root.add(TiffTagConstants.TIFF_TAG_MODEL, "EOS R6");
        root.add(TiffTagConstants.TIFF_TAG_ORIENTATION, (short) orientation);
        root.add(TiffTagConstants.TIFF_TAG_ARTIST, "Jane Agent");
        TiffOutputDirectory exif = set.getOrCreateExifDirectory();
        exif.add(ExifTagConstants.EXIF_TAG_DATE_TIME_ORIGINAL, "2024:05:01 10:15:30");
        exif.add(ExifTagConstants.EXIF_TAG_SUB_SEC_TIME_ORIGINAL, "25");
        exif.add(ExifTagConstants.EXIF_TAG_CAMERA_OWNER_NAME, "Jane Agent");
        exif.add(ExifTagConstants.EXIF_TAG_BODY_SERIAL_NUMBER, "0123456789");
        exif.add(ExifTagConstants.EXIF_TAG_LENS_SERIAL_NUMBER, "LS-42");
        set.setGpsInDegrees(-0.1276, 51.5072);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ExifRewriter().updateExifMetadataLossless(jpeg, out, set);
        return Files.write(file, out.toByteArray());
    }

    private static Review review(Path shoot, List<Path> files, String room) {
        Review r = new Review(shoot, Photos.CLASSES);
        files.forEach(f -> r.add(Photos.sure(f, room)));
        return r;
    }

    private static ListingPlan plan(Review r, ListingPreset preset) {
        return ListingPlan.of(
                r.photos(),
                ListingOrder.DEFAULT,
                preset,
                NamePattern.defaultPattern(),
                p -> Optional.empty(),
                r.folder().getFileName().toString());
    }

    private ListingResult export(ListingPlan plan, Path into, boolean keepAll) throws Exception {
        return new ListingExporter(records(), 2, 256L << 20)
                .export(
                        plan,
                        ListingTarget.choose(
                                into, plan.entries().get(0).source().getParent(), false, records()),
                        keepAll,
                        (d, t) -> {},
                        new AtomicBoolean());
    }

    private static BufferedImage read(Path p) throws Exception {
        return ImageIO.read(p.toFile());
    }

    /** The quantisation tables (DQT segments) of a JPEG: they are what its quality setting chose. */
    private static List<byte[]> quantTables(byte[] jpeg) {
        List<byte[]> tables = new ArrayList<>();
        for (int i = 2; i + 4 < jpeg.length; ) {
            int marker = jpeg[i + 1] & 0xFF;
            if (marker == 0xDA) {
                break;
            }
            int length = ((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF);
            if (marker == 0xDB) {
                tables.add(Arrays.copyOfRange(jpeg, i + 4, i + 2 + length));
            }
            i += 2 + length;
        }
        return tables;
    }

    private static byte[] imageData(byte[] jpeg) {
        for (int i = 2; i + 4 < jpeg.length; ) {
            int marker = jpeg[i + 1] & 0xFF;
            if (marker == 0xDA) {
                return Arrays.copyOfRange(jpeg, i, jpeg.length);
            }
            i += 2 + (((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF));
        }
        throw new AssertionError("no scan");
    }

    @Test
    void mlsScalesTheLongSideTo2048AtQuality85() throws Exception {
        Path shoot = shoot();
        Path photo = TestPhotos.writeJpeg(TestPhotos.pattern(3000, 1800, 1), shoot.resolve("big.jpg"), false);
        ListingResult result =
                export(plan(review(shoot, List.of(photo), "Kitchen"), ListingPreset.MLS), temp.resolve("out"), false);
        Path written = result.folder().resolve("01-kitchen.jpg");
        BufferedImage image = read(written);
        assertEquals(2048, image.getWidth());
        assertEquals(1229, image.getHeight());
        byte[] reference = ListingPhotoWriter.encode(new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB), 85);
        List<byte[]> expected = quantTables(reference);
        List<byte[]> actual = quantTables(Files.readAllBytes(written));
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i), "quantisation table " + i + " is not quality 85's");
        }
        assertTrue(Files.exists(photo), "the original stays");
    }

    @Test
    void webScalesTo1024AndNothingIsEnlarged() throws Exception {
        Path shoot = shoot();
        Path big = TestPhotos.writeJpeg(TestPhotos.pattern(1800, 3000, 2), shoot.resolve("a.jpg"), false);
        Path small = TestPhotos.writeJpeg(TestPhotos.pattern(800, 600, 3), shoot.resolve("b.jpg"), false);
        ListingResult result = export(
                plan(review(shoot, List.of(big, small), "Bedroom"), ListingPreset.WEB), temp.resolve("out"), false);
        BufferedImage first = read(result.folder().resolve("01-bedroom.jpg"));
        BufferedImage second = read(result.folder().resolve("02-bedroom-2.jpg"));
        assertEquals(List.of(614, 1024), List.of(first.getWidth(), first.getHeight()));
        assertEquals(List.of(800, 600), List.of(second.getWidth(), second.getHeight()));
    }

    @Test
    void theDownscaleAveragesFineDetailInsteadOfAliasingIt() throws Exception {
        // one-pixel black and white stripes: any average is mid-grey; point sampling gives black or white
        BufferedImage stripes = new BufferedImage(4096, 2048, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < stripes.getWidth(); x++) {
            for (int y = 0; y < stripes.getHeight(); y++) {
                stripes.setRGB(x, y, x % 2 == 0 ? 0xFFFFFF : 0);
            }
        }
        BufferedImage out = PhotoScaler.forListing(stripes, 1000);
        int min = 255;
        int max = 0;
        for (int x = 100; x < 900; x++) {
            int grey = out.getRGB(x, 250) & 0xFF;
            min = Math.min(min, grey);
            max = Math.max(max, grey);
        }
        assertTrue(min > 90 && max < 165, "expected an even mid-grey, got " + min + " to " + max);
    }

    @Test
    void originalCopiesTheImageDataUntouchedWithoutPersonalMetadata() throws Exception {
        Path shoot = shoot();
        Path photo = photoWithExif(TestPhotos.pattern(640, 480, 4), shoot.resolve("IMG_1.jpg"), 6);
        ListingResult result = export(
                plan(review(shoot, List.of(photo), "Frontyard"), ListingPreset.ORIGINAL), temp.resolve("out"), false);
        byte[] copy = Files.readAllBytes(result.folder().resolve("01-frontyard.jpg"));
        assertArrayEquals(imageData(Files.readAllBytes(photo)), imageData(copy));
        Metadata m = ImageMetadataReader.readMetadata(new ByteArrayInputStream(copy));
        assertNull(m.getFirstDirectoryOfType(GpsDirectory.class), "GPS stripped");
        assertEquals(
                6,
                m.getFirstDirectoryOfType(ExifIFD0Directory.class).getInt(ExifIFD0Directory.TAG_ORIENTATION),
                "the pixels are not turned, so the tag stays");
        assertEquals(
                "2024:05:01 10:15:30",
                m.getFirstDirectoryOfType(ExifSubIFDDirectory.class)
                        .getString(ExifSubIFDDirectory.TAG_DATETIME_ORIGINAL));
    }

    /** Issue 18, point 8: a second JPEG appended after the end of the image, with GPS, owner and serial number. */
    @Test
    void nothingAfterTheEndOfTheImageIsExportedInAnyPreset() throws Exception {
        Path shoot = shoot();
        byte[] image = TestPhotos.jpegBytes(TestPhotos.pattern(640, 480, 12), false);
        byte[] appended =
                Files.readAllBytes(photoWithExif(TestPhotos.pattern(64, 48, 13), temp.resolve("second.jpg"), 1));
        byte[] both = Arrays.copyOf(image, image.length + appended.length);
        System.arraycopy(appended, 0, both, image.length, appended.length);
        Path photo = Files.write(shoot.resolve("IMG_1.jpg"), both);
        for (ListingPreset preset : ListingPreset.values()) {
            for (boolean keepAll : new boolean[] {false, true}) {
                ListingResult result = export(
                        plan(review(shoot, List.of(photo), "Kitchen"), preset),
                        temp.resolve("out-" + preset + "-" + keepAll),
                        keepAll);
                byte[] out = Files.readAllBytes(result.folder().resolve("01-kitchen.jpg"));
                String where = preset + (keepAll ? " --keep-metadata" : "");
                assertEquals(-1, indexOf(out, "Jane Agent".getBytes()), where + ": the owner of the appended JPEG");
                assertEquals(-1, indexOf(out, "0123456789".getBytes()), where + ": its serial number");
                assertEquals(
                        -1,
                        indexOf(out, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, 1),
                        where + ": a second image");
                assertNull(ImageMetadataReader.readMetadata(new ByteArrayInputStream(out))
                        .getFirstDirectoryOfType(GpsDirectory.class));
                assertEquals(0xD9, out[out.length - 1] & 0xFF, where + ": ends with its end-of-image marker");
                if (preset == ListingPreset.ORIGINAL) {
                    assertArrayEquals(
                            imageData(image), imageData(out), where + ": the image data byte for byte, no more");
                }
            }
        }
    }

    private static int indexOf(byte[] data, byte[] part) {
        return indexOf(data, part, 0);
    }

    private static int indexOf(byte[] data, byte[] part, int from) {
        outer:
        for (int i = from; i + part.length <= data.length; i++) {
            for (int k = 0; k < part.length; k++) {
                if (data[i + k] != part[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Test
    void orientationIsAppliedAndTheTagSaysUpright() throws Exception {
        Path shoot = shoot();
        BufferedImage stored = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = stored.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 300, 200);
        g.setColor(Color.RED);
        g.fillRect(0, 0, 60, 60); // top-left stored: top-right once turned 90° clockwise
        g.dispose();
        Path photo = photoWithExif(stored, shoot.resolve("turned.jpg"), 6);
        ListingResult result =
                export(plan(review(shoot, List.of(photo), "Kitchen"), ListingPreset.WEB), temp.resolve("out"), false);
        Path out = result.folder().resolve("01-kitchen.jpg");
        BufferedImage image = read(out);
        assertEquals(List.of(200, 300), List.of(image.getWidth(), image.getHeight()));
        Color topRight = new Color(image.getRGB(185, 15));
        assertTrue(topRight.getRed() > 200 && topRight.getGreen() < 80, "red corner at the top right: " + topRight);
        Metadata m = ImageMetadataReader.readMetadata(out.toFile());
        assertEquals(1, m.getFirstDirectoryOfType(ExifIFD0Directory.class).getInt(ExifIFD0Directory.TAG_ORIENTATION));
    }

    @Test
    void gpsOwnerAndSerialNumbersAreStrippedAndCaptureTimeKept() throws Exception {
        Path shoot = shoot();
        Path photo = photoWithExif(TestPhotos.pattern(400, 300, 5), shoot.resolve("p.jpg"), 1);
        ListingResult result =
                export(plan(review(shoot, List.of(photo), "Kitchen"), ListingPreset.MLS), temp.resolve("out"), false);
        Metadata m = ImageMetadataReader.readMetadata(
                result.folder().resolve("01-kitchen.jpg").toFile());
        assertNull(m.getFirstDirectoryOfType(GpsDirectory.class));
        ExifSubIFDDirectory exif = m.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
        assertEquals("2024:05:01 10:15:30", exif.getString(ExifSubIFDDirectory.TAG_DATETIME_ORIGINAL));
        assertEquals("25", exif.getString(ExifSubIFDDirectory.TAG_SUBSECOND_TIME_ORIGINAL));
        assertFalse(exif.containsTag(ExifSubIFDDirectory.TAG_BODY_SERIAL_NUMBER));
        assertFalse(exif.containsTag(ExifSubIFDDirectory.TAG_LENS_SERIAL_NUMBER));
        assertFalse(exif.containsTag(0xA430), "camera owner");
        ExifIFD0Directory ifd0 = m.getFirstDirectoryOfType(ExifIFD0Directory.class);
        assertFalse(ifd0.containsTag(ExifIFD0Directory.TAG_ARTIST));
        assertEquals("Canon", ifd0.getString(ExifIFD0Directory.TAG_MAKE));
        assertEquals(
                Optional.of(java.time.LocalDateTime.of(2024, 5, 1, 10, 15, 30, 250_000_000)),
                CaptureTime.of(result.folder().resolve("01-kitchen.jpg")));
    }

    @Test
    void keepingAllMetadataKeepsGpsAndOwner() throws Exception {
        Path shoot = shoot();
        Path photo = photoWithExif(TestPhotos.pattern(400, 300, 6), shoot.resolve("p.jpg"), 1);
        ListingResult result =
                export(plan(review(shoot, List.of(photo), "Kitchen"), ListingPreset.WEB), temp.resolve("out"), true);
        Metadata m = ImageMetadataReader.readMetadata(
                result.folder().resolve("01-kitchen.jpg").toFile());
        assertTrue(m.getFirstDirectoryOfType(GpsDirectory.class).getGeoLocation() != null);
        assertEquals(
                "0123456789",
                m.getFirstDirectoryOfType(ExifSubIFDDirectory.class)
                        .getString(ExifSubIFDDirectory.TAG_BODY_SERIAL_NUMBER));
    }

    @Test
    void theMlsCapLeavesOutTheLastPhotosAndSaysWhichFirst() throws Exception {
        Path shoot = shoot();
        List<Path> files = new ArrayList<>();
        byte[] tiny = TestPhotos.jpegBytes(TestPhotos.pattern(48, 32, 7), false);
        for (int i = 0; i < 52; i++) {
            files.add(Files.write(shoot.resolve(String.format("IMG_%03d.jpg", i)), tiny));
        }
        ListingPlan plan = plan(review(shoot, files, "Bedroom"), ListingPreset.MLS);
        assertEquals(50, plan.entries().size());
        assertEquals(
                List.of(files.get(50), files.get(51)),
                plan.cut().stream().map(ListingEntry::source).toList());
        assertTrue(
                plan.cutWarning().contains("at most 50") && plan.cutWarning().contains("IMG_051.jpg"),
                plan.cutWarning());
        ListingResult result = export(plan, temp.resolve("out"), false);
        try (Stream<Path> written = Files.list(result.folder())) {
            assertEquals(50, written.count());
        }
        assertEquals("01-bedroom.jpg", plan.entries().get(0).name());
        assertEquals("50-bedroom-50.jpg", plan.entries().get(49).name());
        assertFalse(
                ListingPlan.of(
                                review(shoot, files, "Bedroom").photos(),
                                ListingOrder.DEFAULT,
                                ListingPreset.WEB,
                                NamePattern.defaultPattern(),
                                p -> Optional.empty(),
                                "s")
                        .cuts(),
                "web has no cap");
    }

    @Test
    void anExistingFolderIsNeverWrittenIntoAndOnlyAnEarlierExportIsReplaced() throws Exception {
        Path shoot = shoot();
        Path photo = TestPhotos.writeJpeg(TestPhotos.pattern(200, 100, 8), shoot.resolve("a.jpg"), false);
        ListingPlan plan = plan(review(shoot, List.of(photo), "Kitchen"), ListingPreset.WEB);
        Path someone = Files.createDirectories(temp.resolve("theirs"));
        Files.writeString(someone.resolve("notes.txt"), "keep me");
        ListingException refused =
                assertThrows(ListingException.class, () -> ListingTarget.choose(someone, shoot, false, records()));
        assertTrue(refused.getMessage().contains("already holds 1 file"), refused.getMessage());
        assertThrows(
                ListingException.class,
                () -> ListingTarget.choose(someone, shoot, true, records()),
                "a folder RoomNet did not fill is not replaced, even when asked");
        assertEquals("keep me", Files.readString(someone.resolve("notes.txt")));
        assertEquals(temp.resolve("theirs (2)"), ListingTarget.freeName(someone));

        Path out = temp.resolve("out");
        export(plan, out, false);
        assertThrows(ListingException.class, () -> ListingTarget.choose(out, shoot, false, records()));
        ListingTarget replace = ListingTarget.choose(out, shoot, true, records());
        assertTrue(replace.replaces());
        Review relabelled = review(shoot, List.of(photo), "Bathroom");
        new ListingExporter(records(), 1, 64L << 20)
                .export(plan(relabelled, ListingPreset.WEB), replace, false, (d, t) -> {}, new AtomicBoolean());
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(
                    List.of("01-bathroom.jpg"),
                    files.map(p -> p.getFileName().toString()).toList());
        }
        Files.writeString(out.resolve("mine.txt"), "added by the agent");
        assertThrows(ListingException.class, () -> ListingTarget.choose(out, shoot, true, records()));
        assertThrows(
                ListingException.class, () -> ListingTarget.choose(shoot.resolve("inside"), shoot, false, records()));
    }

    private static List<String> listNames(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /**
     * Issue 18, point 2: a photo and a subfolder copied into the export folder while a replacing export runs
     * (after the folder was checked, before the new export is put in place) are never deleted: the replace is
     * refused, and the folder stays as it is.
     */
    @Test
    void filesAddedToTheFolderDuringAReplacingExportAreKeptAndTheReplaceIsRefused() throws Exception {
        Path shoot = shoot();
        List<Path> photos = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            photos.add(
                    TestPhotos.writeJpeg(TestPhotos.pattern(300, 200, 20 + i), shoot.resolve("p" + i + ".jpg"), false));
        }
        Path out = temp.resolve("out");
        export(plan(review(shoot, photos, "Kitchen"), ListingPreset.WEB), out, false);
        List<String> earlier = listNames(out);
        ListingTarget replace = ListingTarget.choose(out, shoot, true, records());
        assertTrue(replace.replaces());
        byte[] added = TestPhotos.jpegBytes(TestPhotos.pattern(120, 80, 30), false);
        ListingException refused = assertThrows(
                ListingException.class,
                () -> new ListingExporter(records(), 1, 64L << 20)
                        .export(
                                plan(review(shoot, photos, "Bedroom"), ListingPreset.WEB),
                                replace,
                                false,
                                (done, total) -> {
                                    if (done == total) { // the agent copies files in while the export runs
                                        try {
                                            Files.write(out.resolve("added.jpg"), added);
                                            Files.write(
                                                    Files.createDirectories(out.resolve("more"))
                                                            .resolve("photo.jpg"),
                                                    added);
                                        } catch (java.io.IOException e) {
                                            throw new java.io.UncheckedIOException(e);
                                        }
                                    }
                                },
                                new AtomicBoolean()));
        assertTrue(
                refused.getMessage().contains("changed during the export")
                        && refused.getMessage().contains("added.jpg")
                        && refused.getMessage().contains("more/"),
                refused.getMessage());
        List<String> expected = new ArrayList<>(earlier);
        expected.addAll(List.of("added.jpg", "more"));
        assertEquals(
                expected.stream().sorted().toList(),
                listNames(out),
                "the earlier export and the added files, all there");
        assertArrayEquals(added, Files.readAllBytes(out.resolve("added.jpg")));
        assertArrayEquals(added, Files.readAllBytes(out.resolve("more/photo.jpg")));
        assertEquals(
                List.of("out", "shoot"),
                listNames(temp).stream().filter(n -> !n.equals("home")).toList(),
                "no staging or set-aside folder left beside it");

        // once the added files are moved out, the earlier export is still known and is replaced
        Files.delete(out.resolve("added.jpg"));
        Machine.removeTree(out.resolve("more"));
        new ListingExporter(records(), 1, 64L << 20)
                .export(
                        plan(review(shoot, photos, "Bedroom"), ListingPreset.WEB),
                        ListingTarget.choose(out, shoot, true, records()),
                        false,
                        (d, t) -> {},
                        new AtomicBoolean());
        assertEquals(List.of("01-bedroom.jpg", "02-bedroom-2.jpg", "03-bedroom-3.jpg"), listNames(out));
    }

    /**
     * Issue 18, point 9: what a killed export left beside the folder (its hidden staging folder) is removed by
     * the next export, but only when no live export holds the folder, and only folders named as RoomNet names them.
     */
    @Test
    void stagingLeftByAKilledExportIsRemovedByTheNextOneButNeverWhileAnExportRuns() throws Exception {
        Path shoot = shoot();
        Path photo = TestPhotos.writeJpeg(TestPhotos.pattern(300, 200, 31), shoot.resolve("a.jpg"), false);
        Path out = temp.resolve("exports/out");
        Path stale = Files.createDirectories(temp.resolve("exports/.out" + ExportFolders.STAGING + "1a2b3c4d"));
        Files.write(stale.resolve(".01-kitchen.jpg.part"), new byte[1000]);
        Path lookalike = Files.createDirectories(temp.resolve("exports/.out" + ExportFolders.STAGING + "mine"));
        Path other = Files.createDirectories(temp.resolve("exports/.other" + ExportFolders.STAGING + "5e6f7a8b"));
        ListingPlan plan = plan(review(shoot, List.of(photo), "Kitchen"), ListingPreset.WEB);

        try (ExportLock live = ExportLock.acquire(records(), out)) { // another export into the same folder is running
            ListingException refused = assertThrows(ListingException.class, () -> export(plan, out, false));
            assertTrue(refused.getMessage().contains("another export into"), refused.getMessage());
            assertTrue(Files.exists(stale.resolve(".01-kitchen.jpg.part")), "a live export's staging is left alone");
        }
        ListingResult result = export(plan, out, false);
        assertFalse(Files.exists(stale), "the killed run's staging is gone");
        assertTrue(
                result.notes().stream().anyMatch(n -> n.contains("removed .out" + ExportFolders.STAGING + "1a2b3c4d")),
                result.notes().toString());
        assertTrue(
                Files.isDirectory(lookalike) && Files.isDirectory(other),
                "not named as RoomNet names its own, or not this folder's");
        assertEquals(List.of("01-kitchen.jpg"), listNames(out));
    }

    /** A run killed while replacing left the earlier export aside: its recorded files go, anything else is kept in view. */
    @Test
    void anEarlierExportLeftAsideByAKilledReplaceLosesOnlyItsRecordedFiles() throws Exception {
        Path shoot = shoot();
        Path photo = TestPhotos.writeJpeg(TestPhotos.pattern(300, 200, 32), shoot.resolve("a.jpg"), false);
        Path out = temp.resolve("exports/out");
        Path aside = Files.createDirectories(temp.resolve("exports/.out" + ExportFolders.REPLACED + "9a8b7c6d"));
        Files.write(aside.resolve("01-kitchen.jpg"), new byte[500]);
        records().write(aside, List.of("01-kitchen.jpg"));
        Files.writeString(aside.resolve("agent.jpg"), "not RoomNet's");
        ListingResult result = export(plan(review(shoot, List.of(photo), "Kitchen"), ListingPreset.WEB), out, false);
        assertFalse(Files.exists(aside));
        Path kept = temp.resolve("exports/out (kept)");
        assertEquals(List.of("agent.jpg"), listNames(kept));
        assertEquals("not RoomNet's", Files.readString(kept.resolve("agent.jpg")));
        assertTrue(
                result.notes().stream().anyMatch(n -> n.contains("kept " + kept)),
                result.notes().toString());
    }

    @Test
    void cancellingLeavesNoFileAtAll() throws Exception {
        Path shoot = shoot();
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            files.add(TestPhotos.writeJpeg(TestPhotos.pattern(600, 400, i), shoot.resolve("p" + i + ".jpg"), false));
        }
        ListingPlan plan = plan(review(shoot, files, "Kitchen"), ListingPreset.WEB);
        Path out = temp.resolve("exports/out");
        AtomicBoolean cancelled = new AtomicBoolean();
        ListingResult result = new ListingExporter(records(), 1, 64L << 20)
                .export(
                        plan,
                        ListingTarget.choose(out, shoot, false, records()),
                        false,
                        (done, total) -> cancelled.set(true),
                        cancelled);
        assertTrue(result.cancelled());
        assertFalse(Files.exists(out));
        try (Stream<Path> left = Files.list(out.getParent())) {
            assertEquals(List.of(), left.toList(), "no staging folder, no partial file");
        }
    }

    @Test
    void damagedAndUnreadablePhotosAreListedAndSkipped() throws Exception {
        Path shoot = shoot();
        Path good = TestPhotos.writeJpeg(TestPhotos.pattern(400, 300, 9), shoot.resolve("a.jpg"), false);
        byte[] whole = TestPhotos.jpegBytes(TestPhotos.pattern(400, 300, 10), false);
        Path cut = Files.write(shoot.resolve("b.jpg"), Arrays.copyOf(whole, whole.length / 2));
        Path junk = TestPhotos.writeRandomBytes(shoot.resolve("c.jpg"), 2048, 1);
        Review r = review(shoot, List.of(good, cut), "Kitchen"); // the review had not seen the damage
        r.add(PhotoReview.unreadable(junk, "not a supported image format"));
        ListingPlan plan = plan(r, ListingPreset.WEB);
        assertEquals(List.of(new ListingPlan.Skipped(junk, "not a supported image format")), plan.unusable());
        ListingResult result = export(plan, temp.resolve("out"), false);
        assertEquals(
                List.of("01-kitchen.jpg"),
                result.written().stream().map(ListingEntry::name).toList());
        assertEquals(1, result.skipped().size());
        assertTrue(
                result.skipped().get(0).reason().startsWith("damaged, truncated"),
                result.skipped().get(0).reason());
        assertFalse(Files.exists(result.folder().resolve("02-kitchen-2.jpg")));
    }

    @Test
    void corruptImageDataThatEndsWellIsSkippedInEveryPreset() throws Exception {
        Path shoot = shoot();
        byte[] jpeg = TestPhotos.jpegBytes(TestPhotos.noise(2000, 1500, 18), false);
        Path good = TestPhotos.writeJpeg(TestPhotos.pattern(400, 300, 9), shoot.resolve("a.jpg"), false);
        Path half = Files.write(shoot.resolve("b.jpg"), TestPhotos.cutWithEndMarker(jpeg, 0.5));
        Path zeroed = Files.write(shoot.resolve("c.jpg"), TestPhotos.zeroedInsideTheScan(jpeg, 1 << 20));
        for (ListingPreset preset : ListingPreset.values()) {
            ListingResult result = export(
                    plan(review(shoot, List.of(good, half, zeroed), "Kitchen"), preset),
                    temp.resolve("out-" + preset),
                    false);
            assertEquals(
                    List.of("01-kitchen.jpg"),
                    result.written().stream().map(ListingEntry::name).toList(),
                    preset.name());
            assertEquals(
                    List.of(half, zeroed),
                    result.skipped().stream().map(ListingPlan.Skipped::file).toList());
            for (ListingPlan.Skipped s : result.skipped()) {
                assertTrue(s.reason().startsWith("damaged, corrupt JPEG data: "), preset + ": " + s.reason());
            }
        }
    }

    /** Issue 18, point 5: the size of a PNG is known before decoding, so it is decoded reduced, and memory is planned. */
    @Test
    void aLargePngIsDecodedAtReducedSizeAndOneThatCannotFitIsRefusedBeforeDecoding() throws Exception {
        Path shoot = shoot();
        Path png = TestPhotos.writeFlatPng(shoot.resolve("big.png"), 6000, 4000);
        assertEquals(
                Optional.of(new org.roomnet.core.imaging.PhotoDecoder.DeclaredSize(6000, 4000, false)),
                ListingDecoder.declaredSize(png));
        BufferedImage decoded = ListingDecoder.decode(
                        png, ListingPreset.WEB.longSide(), ListingDecoder.declaredSize(png))
                .image();
        assertTrue(decoded.getWidth() <= 3000, "every 2nd pixel or fewer, not all 6000: " + decoded.getWidth());
        // 24 MP at full size for the original preset: far more than a 64 MB budget, refused before any decode
        Path small = TestPhotos.writeJpeg(TestPhotos.pattern(400, 300, 14), shoot.resolve("a.jpg"), false);
        ListingResult result = new ListingExporter(records(), 2, 64L << 20)
                .export(
                        plan(review(shoot, List.of(small, png), "Kitchen"), ListingPreset.ORIGINAL),
                        ListingTarget.choose(temp.resolve("out"), shoot, false, records()),
                        false,
                        (d, t) -> {},
                        new AtomicBoolean());
        assertEquals(
                List.of("01-kitchen.jpg"),
                result.written().stream().map(ListingEntry::name).toList());
        assertEquals(1, result.skipped().size());
        assertTrue(
                result.skipped().get(0).reason().startsWith("photo too large to decode in the memory available"),
                result.skipped().get(0).reason());
        try (Stream<Path> files = Files.list(result.folder())) {
            assertEquals(
                    List.of("01-kitchen.jpg"),
                    files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void aNonSrgbPhotoIsConvertedToSrgb() {
        java.awt.color.ColorSpace linear =
                java.awt.color.ColorSpace.getInstance(java.awt.color.ColorSpace.CS_LINEAR_RGB);
        java.awt.image.ColorModel cm = new java.awt.image.ComponentColorModel(
                linear, false, false, java.awt.Transparency.OPAQUE, java.awt.image.DataBuffer.TYPE_BYTE);
        BufferedImage image = new BufferedImage(cm, cm.createCompatibleWritableRaster(4, 4), false, null);
        image.getRaster().setPixel(1, 1, new int[] {128, 128, 128}); // linear 0.5
        int srgb = PhotoScaler.toSrgb(image).getRGB(1, 1) & 0xFF;
        assertTrue(srgb > 180 && srgb < 195, "linear 0.5 is about 188 in sRGB, got " + srgb);
    }

    @Test
    void aPhotoMuchLargerThanTheTargetIsDecodedAtReducedSize() throws Exception {
        Path photo = TestPhotos.writeJpeg(TestPhotos.pattern(4800, 3200, 11), shoot().resolve("large.jpg"), false);
        BufferedImage decoded = ListingDecoder.decode(
                        photo, ListingPreset.WEB.longSide(), ListingDecoder.declaredSize(photo))
                .image();
        // libjpeg-turbo: 1/4 (1200 px); ImageIO, which must keep twice the target: every 2nd pixel (2400 px)
        assertTrue(
                decoded.getWidth() <= 2400 && decoded.getWidth() >= 1024, "decoded " + decoded.getWidth() + " px wide");
        BufferedImage full = ListingDecoder.decode(photo, 0, ListingDecoder.declaredSize(photo))
                .image();
        assertEquals(4800, full.getWidth(), "the original preset's size: no reduction");
    }
}
