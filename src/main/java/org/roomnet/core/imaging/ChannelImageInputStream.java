package org.roomnet.core.imaging;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.util.Objects;
import javax.imageio.stream.ImageInputStreamImpl;

/**
 * An ImageIO stream over a file channel, buffered. ImageIO opens files through {@code java.io.File},
 * which cannot name a file whose name is not valid in the platform encoding (a Latin-1 name on a
 * UTF-8 system, say); a channel opened from the {@code Path} can. Closing the stream leaves the
 * channel open: whoever opened it closes it (ImageIO also closes streams from a finalizer).
 */
final class ChannelImageInputStream extends ImageInputStreamImpl {

    private final SeekableByteChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
    private long bufferStart;

    ChannelImageInputStream(SeekableByteChannel channel) {
        this.channel = channel;
        buffer.limit(0);
    }

    @Override
    public int read() throws IOException {
        checkClosed();
        bitOffset = 0;
        if (!buffered() && fill() < 0) {
            return -1;
        }
        return buffer.get((int) (streamPos++ - bufferStart)) & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        checkClosed();
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        bitOffset = 0;
        if (!buffered() && fill() < 0) {
            return -1;
        }
        int index = (int) (streamPos - bufferStart);
        int n = Math.min(len, buffer.limit() - index);
        buffer.get(index, b, off, n);
        streamPos += n;
        return n;
    }

    @Override
    public long length() {
        try {
            return channel.size();
        } catch (IOException e) {
            return -1L;
        }
    }

    private boolean buffered() {
        return streamPos >= bufferStart && streamPos < bufferStart + buffer.limit();
    }

    private int fill() throws IOException {
        buffer.clear();
        channel.position(streamPos);
        int n = 0;
        while (n == 0) {
            n = channel.read(buffer);
        }
        buffer.flip();
        bufferStart = streamPos;
        return n;
    }
}
