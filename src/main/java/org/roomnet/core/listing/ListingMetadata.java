package org.roomnet.core.listing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.ImagingException;
import org.apache.commons.imaging.bytesource.ByteSource;
import org.apache.commons.imaging.common.ImageMetadata;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.apache.commons.imaging.formats.jpeg.JpegImageParser;
import org.apache.commons.imaging.formats.jpeg.JpegPhotoshopMetadata;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.jpeg.iptc.JpegIptcRewriter;
import org.apache.commons.imaging.formats.jpeg.xmp.JpegXmpRewriter;
import org.apache.commons.imaging.formats.tiff.TiffImageMetadata;
import org.apache.commons.imaging.formats.tiff.constants.TiffDirectoryConstants;
import org.apache.commons.imaging.formats.tiff.constants.TiffDirectoryType;
import org.apache.commons.imaging.formats.tiff.fieldtypes.AbstractFieldType;
import org.apache.commons.imaging.formats.tiff.taginfos.TagInfoShort;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputDirectory;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputField;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;
import org.roomnet.core.imaging.HeifMetadata;

/**
 * The metadata an exported photo carries, written with Apache Commons Imaging. By default only an
 * allow-list of EXIF fields is kept: the capture time (with sub-seconds and time zone), camera make
 * and model, lens model and exposure; GPS, maker notes (which hold serial numbers), owner, artist,
 * copyright, serial numbers, unique ids, comments, XMP and IPTC go. With {@code keepAll}, every EXIF
 * field, XMP and IPTC are kept. The orientation is 1 once the pixels are upright, and the EXIF
 * thumbnail is dropped (it would show the photo unturned).
 */
final class ListingMetadata {

    private static final int ORIENTATION = 0x0112;
    private static final int COLOR_SPACE = 0xA001;
    private static final TagInfoShort COLOR_SPACE_SRGB =
            new TagInfoShort("ColorSpace", COLOR_SPACE, TiffDirectoryType.EXIF_DIRECTORY_EXIF_IFD);
    /** IFD0: Make, Model, Orientation, DateTime. */
    private static final Set<Integer> ROOT_KEPT = Set.of(0x010F, 0x0110, ORIENTATION, 0x0132);
    /**
     * EXIF IFD: ExposureTime, FNumber, ExposureProgram, ISO, ExifVersion, DateTimeOriginal,
     * DateTimeDigitized, OffsetTime, OffsetTimeOriginal, OffsetTimeDigitized, ExposureBias, MeteringMode,
     * Flash, FocalLength, SubSecTime, SubSecTimeOriginal, SubSecTimeDigitized, ColorSpace, WhiteBalance,
     * FocalLengthIn35mm, LensModel.
     */
    private static final Set<Integer> EXIF_KEPT = Set.of(
            0x829A,
            0x829D,
            0x8822,
            0x8827,
            0x9000,
            0x9003,
            0x9004,
            0x9010,
            0x9011,
            0x9012,
            0x9204,
            0x9207,
            0x9209,
            0x920A,
            0x9290,
            0x9291,
            0x9292,
            COLOR_SPACE,
            0xA403,
            0xA405,
            0xA434);

    private ListingMetadata() {}

    /**
     * A re-encoded photo ({@code jpeg}, upright sRGB pixels, no metadata) with the metadata of
     * {@code original} (the file's bytes), as chosen.
     */
    static byte[] forReencoded(byte[] jpeg, byte[] original, boolean keepAll) throws IOException {
        byte[] out = jpeg;
        TiffOutputSet exif = exifOf(original);
        if (exif != null) {
            exif = keepAll ? allButThumbnail(exif) : allowed(exif);
            replaceShort(exif.getRootDirectory(), ORIENTATION, (short) 1, exif.byteOrder);
        } else {
            exif = new TiffOutputSet();
        }
        // The pixels are sRGB now, and the file says so in EXIF (no ICC profile: decision 18)
        TiffOutputDirectory exifDir = exif.getOrCreateExifDirectory();
        exifDir.removeField(COLOR_SPACE);
        exifDir.add(COLOR_SPACE_SRGB, (short) 1);
        out = withExif(out, exif);
        if (keepAll) {
            out = withXmpAndIptcOf(out, original);
        }
        return out;
    }

    /**
     * An original JPEG copied unchanged but for its metadata: the allowed fields, orientation as it was; cut at
     * the end of the image either way (what follows is no part of the photo: an appended JPEG keeps its GPS).
     */
    static byte[] forCopy(byte[] original, boolean keepAll) throws IOException {
        if (keepAll) {
            return JpegSegments.imageOnly(original);
        }
        byte[] plain = JpegSegments.withoutPersonalSegments(original);
        TiffOutputSet exif = exifOf(original);
        return exif == null ? plain : withExif(plain, allowed(exif));
    }

    private static TiffOutputSet exifOf(byte[] file) {
        try {
            // a HEIC photo's EXIF, read by libheif, is a TIFF structure that Commons Imaging reads as such
            ImageMetadata metadata = Imaging.getMetadata(HeifMetadata.exif(file).orElse(file));
            TiffImageMetadata exif = metadata instanceof JpegImageMetadata jpeg
                    ? jpeg.getExif()
                    : metadata instanceof TiffImageMetadata tiff ? tiff : null;
            return exif == null ? null : exif.getOutputSet();
        } catch (IOException | RuntimeException e) {
            return null; // unreadable metadata is left behind, never a reason to fail the photo
        }
    }

    private static TiffOutputSet allowed(TiffOutputSet source) throws ImagingException {
        TiffOutputSet out = new TiffOutputSet(source.byteOrder);
        copy(source.getRootDirectory(), out.getOrCreateRootDirectory(), ROOT_KEPT);
        if (source.getExifDirectory() != null) {
            copy(source.getExifDirectory(), out.getOrCreateExifDirectory(), EXIF_KEPT);
        }
        return out;
    }

    private static TiffOutputSet allButThumbnail(TiffOutputSet source) throws ImagingException {
        TiffOutputSet out = new TiffOutputSet(source.byteOrder);
        for (TiffOutputDirectory d : source.getDirectories()) {
            if (d.getType() != TiffDirectoryConstants.DIRECTORY_TYPE_THUMBNAIL) {
                TiffOutputDirectory copy = new TiffOutputDirectory(d.getType(), source.byteOrder);
                d.getFields().forEach(copy::add);
                out.addDirectory(copy);
            }
        }
        return out;
    }

    private static void copy(TiffOutputDirectory from, TiffOutputDirectory to, Set<Integer> kept) {
        if (from == null) {
            return;
        }
        for (TiffOutputField f : new ArrayList<>(from.getFields())) {
            if (kept.contains(f.tag)) {
                to.add(f);
            }
        }
    }

    /** Gives a SHORT field the directory has a new value; a field it lacks stays absent (its default applies). */
    private static void replaceShort(TiffOutputDirectory dir, int tag, short value, ByteOrder order)
            throws ImagingException {
        TiffOutputField old = dir == null ? null : dir.findField(tag);
        if (old == null) {
            return;
        }
        dir.removeField(tag);
        byte[] bytes = order == ByteOrder.BIG_ENDIAN
                ? new byte[] {(byte) (value >> 8), (byte) value}
                : new byte[] {(byte) value, (byte) (value >> 8)};
        dir.add(new TiffOutputField(tag, old.tagInfo, AbstractFieldType.SHORT, 1, bytes));
    }

    private static byte[] withExif(byte[] jpeg, TiffOutputSet exif) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length + 4096);
        new ExifRewriter().updateExifMetadataLossless(jpeg, out, exif);
        return out.toByteArray();
    }

    private static byte[] withXmpAndIptcOf(byte[] jpeg, byte[] original) throws IOException {
        byte[] out = jpeg;
        String xmp = null;
        JpegPhotoshopMetadata photoshop = null;
        try {
            xmp = Imaging.getXmpXml(original);
            photoshop = new JpegImageParser().getPhotoshopMetadata(ByteSource.array(original), null);
        } catch (IOException | RuntimeException e) {
            // no readable XMP or IPTC: nothing to keep
        }
        if (xmp != null) {
            ByteArrayOutputStream b = new ByteArrayOutputStream(out.length + xmp.length());
            new JpegXmpRewriter().updateXmpXml(out, b, xmp);
            out = b.toByteArray();
        }
        if (photoshop != null && photoshop.photoshopApp13Data != null) {
            ByteArrayOutputStream b = new ByteArrayOutputStream(out.length + 4096);
            new JpegIptcRewriter().writeIptc(out, b, photoshop.photoshopApp13Data);
            out = b.toByteArray();
        }
        return out;
    }

    /** The EXIF fields a file carries, by tag, for tests and checks. */
    static List<Integer> tags(byte[] file) {
        TiffOutputSet set = exifOf(file);
        List<Integer> tags = new ArrayList<>();
        if (set != null) {
            set.getDirectories().forEach(d -> d.getFields().forEach(f -> tags.add(f.tag)));
        }
        return tags;
    }
}
