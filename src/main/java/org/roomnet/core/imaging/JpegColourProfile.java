package org.roomnet.core.imaging;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The ICC profile a JPEG embeds: APP2 segments named "ICC_PROFILE", each holding one numbered chunk (a
 * profile over 64 KB is split), read from the header before the first scan.
 */
final class JpegColourProfile {

    private static final byte[] NAME = "ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NO_PROFILE = new byte[0];

    private JpegColourProfile() {}

    /**
     * The profile's bytes; empty when the file has none. Chunks that are missing or inconsistent give bytes that
     * make no profile: the file has one, and the caller says it could not be read.
     */
    static Optional<byte[]> read(SeekableByteChannel channel) throws IOException {
        ChannelImageInputStream in = new ChannelImageInputStream(channel);
        in.seek(0);
        if (in.read() != 0xFF || in.read() != 0xD8) {
            return Optional.empty();
        }
        byte[][] chunks = null;
        while (true) {
            int b = in.read();
            if (b < 0) {
                return Optional.empty();
            }
            if (b != 0xFF) {
                return Optional.empty(); // not a marker where one must be: leave it to the decoder
            }
            int marker;
            do {
                marker = in.read();
            } while (marker == 0xFF);
            if (marker < 0 || marker == 0xDA || marker == 0xD9) {
                break; // start of scan: the header is over
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                continue;
            }
            int length = in.readUnsignedShort();
            if (length < 2) {
                return Optional.empty();
            }
            long end = in.getStreamPosition() + length - 2;
            if (marker == 0xE2 && length >= 2 + NAME.length + 2) {
                byte[] name = new byte[NAME.length];
                in.readFully(name);
                if (Arrays.equals(name, NAME)) {
                    int sequence = in.read();
                    int count = in.read();
                    if (count <= 0 || sequence <= 0 || sequence > count || (chunks != null && chunks.length != count)) {
                        return Optional.of(NO_PROFILE);
                    }
                    if (chunks == null) {
                        chunks = new byte[count][];
                    }
                    byte[] chunk = new byte[(int) (end - in.getStreamPosition())];
                    in.readFully(chunk);
                    chunks[sequence - 1] = chunk;
                }
            }
            in.seek(end);
        }
        if (chunks == null) {
            return Optional.empty();
        }
        ByteArrayOutputStream profile = new ByteArrayOutputStream();
        for (byte[] chunk : chunks) {
            if (chunk == null) {
                return Optional.of(NO_PROFILE);
            }
            profile.write(chunk);
        }
        return Optional.of(profile.toByteArray());
    }
}
