package org.roomnet.core.imaging;

import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;

/** A read-only channel over bytes already in memory: the decoders and checks read a photo read once. */
final class MemoryChannel implements SeekableByteChannel {

    private final ByteBuffer data;
    private boolean open = true;

    /** Reads {@code data} from its position 0 to its limit; the buffer is not changed. */
    MemoryChannel(ByteBuffer data) {
        this.data = data.duplicate().position(0);
    }

    @Override
    public int read(ByteBuffer dst) throws ClosedChannelException {
        ensureOpen();
        if (!data.hasRemaining()) {
            return -1;
        }
        int n = Math.min(dst.remaining(), data.remaining());
        dst.put(data.slice(data.position(), n));
        data.position(data.position() + n);
        return n;
    }

    @Override
    public int write(ByteBuffer src) {
        throw new NonWritableChannelException();
    }

    @Override
    public long position() throws ClosedChannelException {
        ensureOpen();
        return data.position();
    }

    @Override
    public SeekableByteChannel position(long newPosition) throws ClosedChannelException {
        ensureOpen();
        if (newPosition < 0) {
            throw new IllegalArgumentException("negative position");
        }
        data.position((int) Math.min(newPosition, data.limit()));
        return this;
    }

    @Override
    public long size() throws ClosedChannelException {
        ensureOpen();
        return data.limit();
    }

    @Override
    public SeekableByteChannel truncate(long size) {
        throw new NonWritableChannelException();
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        open = false;
    }

    private void ensureOpen() throws ClosedChannelException {
        if (!open) {
            throw new ClosedChannelException();
        }
    }
}
