package org.roomnet.core.imaging;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * Decodes the primary image of a HEIC/HEIF file (an iPhone's default format) with libheif, turned as the
 * file's own transformations say (libheif applies them: the EXIF orientation must then be ignored).
 */
final class HeifDecoder {

    /** Brands of the ISO base media file format that libheif reads as still images. */
    private static final Set<String> BRANDS =
            Set.of("heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1", "avif", "avis");

    /** The decoded picture (8-bit RGB, the numbers as stored) and the ICC profile it carries, or null. */
    record Decoded(BufferedImage image, byte[] iccProfile) {}

    /** Width and height as the file declares them (after its transformations), before any pixel is decoded. */
    interface SizeCheck {
        void check(int width, int height) throws UnreadablePhotoException;
    }

    private HeifDecoder() {}

    /** Whether the bytes start like a HEIF file ("ftyp" box with a HEIF brand). */
    static boolean isHeif(ByteBuffer head) {
        if (head.limit() < 12 || !ascii(head, 4).equals("ftyp")) {
            return false;
        }
        int boxSize = head.getInt(0);
        if (BRANDS.contains(ascii(head, 8))) {
            return true;
        }
        for (int at = 16; at + 4 <= Math.min(boxSize, head.limit()); at += 4) { // compatible brands
            if (BRANDS.contains(ascii(head, at))) {
                return true;
            }
        }
        return false;
    }

    static boolean available() {
        return HeifNatives.library() != null;
    }

    /** Why HEIF photos cannot be decoded here, in the user's words (naming what to install); empty when they can. */
    static String problem() {
        return HeifNatives.problem();
    }

    /**
     * Decodes the file held in {@code data} (from position 0 to its limit).
     *
     * @throws UnreadablePhotoException libheif is missing, or the file is damaged or of a kind it cannot decode
     */
    static Decoded decode(ByteBuffer data, SizeCheck sizeCheck) throws UnreadablePhotoException {
        LibHeif heif = HeifNatives.library();
        if (heif == null) {
            throw new UnreadablePhotoException(HeifNatives.problem());
        }
        try {
            return decode(heif, data, sizeCheck);
        } catch (LinkageError e) { // a libheif without a function this needs
            throw new UnreadablePhotoException(
                    "HEIC/HEIF photos need a newer libheif (" + e.getMessage() + "): " + HeifNatives.installHint(), e);
        }
    }

    private static Decoded decode(LibHeif heif, ByteBuffer data, SizeCheck sizeCheck) throws UnreadablePhotoException {
        int size = data.limit();
        Memory memory = new Memory(Math.max(1, size));
        memory.write(0, toArray(data), 0, size);
        Pointer context = heif.heif_context_alloc();
        Pointer handle = null;
        Pointer image = null;
        try {
            check(heif.heif_context_read_from_memory_without_copy(context, memory, size, null));
            PointerByReference handleRef = new PointerByReference();
            check(heif.heif_context_get_primary_image_handle(context, handleRef));
            handle = handleRef.getValue();
            sizeCheck.check(heif.heif_image_handle_get_width(handle), heif.heif_image_handle_get_height(handle));
            byte[] profile = iccProfile(heif, handle);
            PointerByReference imageRef = new PointerByReference();
            check(heif.heif_decode_image(
                    handle, imageRef, LibHeif.COLORSPACE_RGB, LibHeif.CHROMA_INTERLEAVED_RGB, null));
            image = imageRef.getValue();
            return new Decoded(toImage(heif, image), profile);
        } finally {
            if (image != null) {
                heif.heif_image_release(image);
            }
            if (handle != null) {
                heif.heif_image_handle_release(handle);
            }
            heif.heif_context_free(context);
            memory.close();
        }
    }

    /**
     * The EXIF of the primary image as a TIFF structure ("MM\0*" or "II*\0" first), as a JPEG's APP1 holds it after
     * "Exif\0\0"; empty when the file has none, or libheif is missing or cannot read the file.
     */
    static Optional<byte[]> exif(ByteBuffer data) {
        LibHeif heif = HeifNatives.library();
        if (heif == null) {
            return Optional.empty();
        }
        int size = data.limit();
        Pointer context = heif.heif_context_alloc();
        Pointer handle = null;
        try (Memory memory = new Memory(Math.max(1, size))) {
            memory.write(0, toArray(data), 0, size);
            PointerByReference handleRef = new PointerByReference();
            if (heif.heif_context_read_from_memory_without_copy(context, memory, size, null).code != 0
                    || heif.heif_context_get_primary_image_handle(context, handleRef).code != 0) {
                return Optional.empty();
            }
            handle = handleRef.getValue();
            if (heif.heif_image_handle_get_number_of_metadata_blocks(handle, "Exif") < 1) {
                return Optional.empty();
            }
            int[] ids = new int[1];
            heif.heif_image_handle_get_list_of_metadata_block_IDs(handle, "Exif", ids, 1);
            long length = heif.heif_image_handle_get_metadata_size(handle, ids[0]);
            if (length < 8 || length > 16 << 20) {
                return Optional.empty();
            }
            try (Memory out = new Memory(length)) {
                if (heif.heif_image_handle_get_metadata(handle, ids[0], out).code != 0) {
                    return Optional.empty();
                }
                return tiffOf(out.getByteArray(0, (int) length));
            }
        } catch (LinkageError e) { // a libheif without these functions: the photo is exported without its EXIF
            return Optional.empty();
        } finally {
            if (handle != null) {
                heif.heif_image_handle_release(handle);
            }
            heif.heif_context_free(context);
        }
    }

    /** A HEIF "Exif" item: a 4-byte offset to the TIFF header (ISO/IEC 23008-12), usually past "Exif\0\0". */
    static Optional<byte[]> tiffOf(byte[] item) {
        long offset = ByteBuffer.wrap(item).getInt() & 0xFFFFFFFFL;
        long start = 4 + offset;
        if (start + 8 > item.length) {
            return Optional.empty();
        }
        boolean tiff = (item[(int) start] == 'M' && item[(int) start + 1] == 'M')
                || (item[(int) start] == 'I' && item[(int) start + 1] == 'I');
        return tiff ? Optional.of(Arrays.copyOfRange(item, (int) start, item.length)) : Optional.empty();
    }

    private static byte[] iccProfile(LibHeif heif, Pointer handle) {
        int type = heif.heif_image_handle_get_color_profile_type(handle);
        if (type != LibHeif.PROFILE_PROF && type != LibHeif.PROFILE_RICC) {
            return null; // none, or an nclx colour description: taken for sRGB
        }
        long size = heif.heif_image_handle_get_raw_color_profile_size(handle);
        if (size <= 0 || size > 16 << 20) {
            return null;
        }
        try (Memory out = new Memory(size)) {
            LibHeif.Error e = heif.heif_image_handle_get_raw_color_profile(handle, out);
            return e.code == 0 ? out.getByteArray(0, (int) size) : null;
        }
    }

    private static BufferedImage toImage(LibHeif heif, Pointer image) throws UnreadablePhotoException {
        int w = heif.heif_image_get_width(image, LibHeif.CHANNEL_INTERLEAVED);
        int h = heif.heif_image_get_height(image, LibHeif.CHANNEL_INTERLEAVED);
        IntByReference strideRef = new IntByReference();
        Pointer plane = heif.heif_image_get_plane_readonly(image, LibHeif.CHANNEL_INTERLEAVED, strideRef);
        if (plane == null || w <= 0 || h <= 0) {
            throw new UnreadablePhotoException("the HEIF file holds no picture");
        }
        int stride = strideRef.getValue();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] rgb = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        byte[] row = new byte[w * 3];
        for (int y = 0; y < h; y++) {
            plane.read((long) y * stride, row, 0, row.length);
            for (int x = 0, i = 0; x < w; x++) {
                rgb[y * w + x] = (row[i++] & 0xFF) << 16 | (row[i++] & 0xFF) << 8 | (row[i++] & 0xFF);
            }
        }
        return out;
    }

    private static void check(LibHeif.Error e) throws UnreadablePhotoException {
        if (e.code != 0) {
            throw new UnreadablePhotoException("HEIF: " + (e.message == null ? "error " + e.code : e.message));
        }
    }

    private static byte[] toArray(ByteBuffer data) {
        if (data.hasArray() && data.arrayOffset() == 0) {
            return data.array();
        }
        byte[] copy = new byte[data.limit()];
        data.duplicate().position(0).get(copy);
        return copy;
    }

    private static String ascii(ByteBuffer b, int at) {
        byte[] s = new byte[4];
        b.get(at, s);
        return new String(s, StandardCharsets.ISO_8859_1);
    }
}
