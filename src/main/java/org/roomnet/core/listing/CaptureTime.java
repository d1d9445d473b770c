package org.roomnet.core.listing;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * When a photo was taken, from its EXIF DateTimeOriginal (with SubSecTimeOriginal, so a burst keeps its
 * order): the camera's clock, as local time. Empty for a file without it, or whose metadata cannot be
 * read; only the metadata is read, never the picture.
 */
public final class CaptureTime {

    private static final DateTimeFormatter EXIF = DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss");

    private CaptureTime() {}

    public static Optional<LocalDateTime> of(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            Metadata metadata = ImageMetadataReader.readMetadata(in);
            ExifSubIFDDirectory exif = metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
            if (exif == null) {
                return Optional.empty();
            }
            return parse(
                    exif.getString(ExifSubIFDDirectory.TAG_DATETIME_ORIGINAL),
                    exif.getString(ExifSubIFDDirectory.TAG_SUBSECOND_TIME_ORIGINAL));
        } catch (Exception e) {
            // metadata is optional: a photo without a readable time is ordered by its name
            return Optional.empty();
        }
    }

    /** "2024:05:01 10:15:30" and sub-seconds "25" (a fraction: .25 s); empty when it is not such a time. */
    static Optional<LocalDateTime> parse(String dateTime, String subSeconds) {
        if (dateTime == null) {
            return Optional.empty();
        }
        try {
            LocalDateTime t = LocalDateTime.parse(dateTime.trim(), EXIF);
            String digits = subSeconds == null ? "" : subSeconds.trim();
            if (!digits.isEmpty() && digits.chars().allMatch(Character::isDigit)) {
                String nanos = (digits + "000000000").substring(0, 9);
                t = t.withNano(Integer.parseInt(nanos));
            }
            return Optional.of(t);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
