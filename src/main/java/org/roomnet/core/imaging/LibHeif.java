package org.roomnet.core.imaging;

import com.sun.jna.Library;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;

/** The part of libheif's C API (heif.h, stable since 1.x) that decoding a primary image and reading its EXIF need. */
interface LibHeif extends Library {

    int COLORSPACE_RGB = 1;
    int CHROMA_INTERLEAVED_RGB = 10;
    int CHANNEL_INTERLEAVED = 10;
    int PROFILE_RICC = fourcc("rICC");
    int PROFILE_PROF = fourcc("prof");

    /** {@code struct heif_error}, returned by value; code 0 is success. */
    @Structure.FieldOrder({"code", "subcode", "message"})
    class Error extends Structure implements Structure.ByValue {
        public int code;
        public int subcode;
        public String message;
    }

    String heif_get_version();

    Pointer heif_context_alloc();

    void heif_context_free(Pointer context);

    Error heif_context_read_from_memory_without_copy(Pointer context, Pointer data, long size, Pointer options);

    Error heif_context_get_primary_image_handle(Pointer context, PointerByReference handle);

    int heif_image_handle_get_width(Pointer handle);

    int heif_image_handle_get_height(Pointer handle);

    int heif_image_handle_get_color_profile_type(Pointer handle);

    long heif_image_handle_get_raw_color_profile_size(Pointer handle);

    Error heif_image_handle_get_raw_color_profile(Pointer handle, Pointer out);

    void heif_image_handle_release(Pointer handle);

    int heif_image_handle_get_number_of_metadata_blocks(Pointer handle, String typeFilter);

    int heif_image_handle_get_list_of_metadata_block_IDs(Pointer handle, String typeFilter, int[] ids, int count);

    long heif_image_handle_get_metadata_size(Pointer handle, int metadataId);

    Error heif_image_handle_get_metadata(Pointer handle, int metadataId, Pointer out);

    Error heif_decode_image(Pointer handle, PointerByReference image, int colorspace, int chroma, Pointer options);

    int heif_image_get_width(Pointer image, int channel);

    int heif_image_get_height(Pointer image, int channel);

    Pointer heif_image_get_plane_readonly(Pointer image, int channel, IntByReference stride);

    void heif_image_release(Pointer image);

    static int fourcc(String s) {
        return s.charAt(0) << 24 | s.charAt(1) << 16 | s.charAt(2) << 8 | s.charAt(3);
    }
}
