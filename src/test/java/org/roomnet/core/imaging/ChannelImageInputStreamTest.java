package org.roomnet.core.imaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChannelImageInputStreamTest {

    @Test
    void readsSeeksAndLeavesTheChannelToItsOpener(@TempDir Path dir) throws Exception {
        byte[] data = new byte[200_000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 7);
        }
        Path file = Files.write(dir.resolve("data.bin"), data);
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            ChannelImageInputStream in = new ChannelImageInputStream(channel);
            assertEquals(data.length, in.length());
            in.seek(150_000);
            assertEquals(data[150_000] & 0xFF, in.read());
            byte[] chunk = new byte[100];
            in.seek(65_500); // across the buffer's end
            in.readFully(chunk);
            assertArrayEquals(java.util.Arrays.copyOfRange(data, 65_500, 65_600), chunk);
            in.seek(data.length);
            assertEquals(-1, in.read());
            in.close(); // ImageIO also closes streams from a finalizer, at any time
            assertTrue(channel.isOpen(), "the channel is its opener's to close");
        }
    }
}
