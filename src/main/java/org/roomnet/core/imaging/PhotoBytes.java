package org.roomnet.core.imaging;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.bytedeco.javacpp.BytePointer;

/**
 * A photo file's bytes, read from disk once for everything a decode needs: the checks ({@link JpegIntegrity},
 * {@link PhotoLimits}), the EXIF orientation, the colour profile and the decoder itself. A file larger than
 * {@link #MAX_IN_MEMORY} bytes (a huge TIFF, say) is not held in memory but read from disk by each of them.
 * Where libjpeg-turbo's natives are loaded the bytes are read straight into native memory, which
 * {@link FastJpegDecoder} decodes where it is (no copy); {@link #close()} frees it.
 */
final class PhotoBytes implements AutoCloseable {

    static final long MAX_IN_MEMORY = 256L << 20;

    private final Path file;
    private final ByteBuffer bytes;
    private final BytePointer nativeBytes;

    private PhotoBytes(Path file, ByteBuffer bytes, BytePointer nativeBytes) {
        this.file = file;
        this.bytes = bytes;
        this.nativeBytes = nativeBytes;
    }

    static PhotoBytes read(Path file) throws UnreadablePhotoException {
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            long size = channel.size();
            if (size > MAX_IN_MEMORY) {
                return new PhotoBytes(file, null, null);
            }
            if (size > 0 && JpegNatives.available()) {
                BytePointer memory = new BytePointer(size);
                ByteBuffer view = memory.asByteBuffer();
                while (view.hasRemaining() && channel.read(view) >= 0) {
                    // until full, or at an end that came early (the file shrank: what was there is kept)
                }
                if (view.hasRemaining() || channel.read(ByteBuffer.allocate(1)) <= 0) {
                    return new PhotoBytes(file, view.flip(), memory);
                }
                memory.close(); // the file grew while it was read: read it again, to its end
                channel.position(0);
            }
            // to the end rather than to the size first seen: a file still being written, or a pipe, is read whole
            byte[] data = Channels.newInputStream(channel).readNBytes((int) MAX_IN_MEMORY + 1);
            return new PhotoBytes(file, data.length > MAX_IN_MEMORY ? null : ByteBuffer.wrap(data), null);
        } catch (AccessDeniedException e) {
            throw new UnreadablePhotoException("permission denied: the file cannot be read", e);
        } catch (NoSuchFileException e) {
            throw new UnreadablePhotoException("file not found (moved or deleted?)", e);
        } catch (IOException e) {
            throw new UnreadablePhotoException("cannot read file: " + e.getMessage(), e);
        }
    }

    /** The bytes in native memory, for libjpeg-turbo; null when they are not there. */
    BytePointer nativeBytes() {
        return nativeBytes;
    }

    @Override
    public void close() {
        if (nativeBytes != null) {
            nativeBytes.close();
        }
    }

    Path file() {
        return file;
    }

    /** A new channel over the bytes, at position 0; the caller closes it. */
    SeekableByteChannel channel() throws IOException {
        return bytes != null ? new MemoryChannel(bytes) : Files.newByteChannel(file);
    }

    /** The first {@code n} bytes at most (fewer for a shorter file), for recognising the format. */
    ByteBuffer head(int n) throws IOException {
        if (bytes != null) {
            return bytes.slice(0, Math.min(n, bytes.limit()));
        }
        try (SeekableByteChannel channel = channel()) {
            ByteBuffer head = ByteBuffer.allocate(n);
            while (head.hasRemaining() && channel.read(head) >= 0) {
                // until full or at the end
            }
            return head.flip();
        }
    }

    /** Whether the bytes are held in memory ({@link #all()} has them), not read from disk by each step. */
    boolean inMemory() {
        return bytes != null;
    }

    /** All the bytes; a file too large to hold in memory is refused. */
    ByteBuffer all() throws UnreadablePhotoException {
        if (bytes == null) {
            throw new UnreadablePhotoException(
                    "too large to decode: the file is over " + (MAX_IN_MEMORY >> 20) + " MB");
        }
        return bytes.duplicate().position(0);
    }

    InputStream stream() throws IOException {
        return Channels.newInputStream(channel());
    }
}
