package org.roomnet.core.memory;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * The memory on disk, big-endian binary:
 * <pre>
 * "RNMEMORY"  int format version (1)
 * UTF model version  UTF model fingerprint  int dimension  int count
 * count × (UTF label  UTF shoot  UTF file  UTF content SHA-256  long learned-ms  dimension × float16)
 * int CRC-32 of everything before it
 * </pre>
 * About 2.7 KB a photo for a 1,280-value embedding. Written atomically: a temporary file beside it, forced
 * to the disk, then moved over the old one, so a crash leaves the old memory or the new one, never half.
 */
public final class MemoryFile {

    static final byte[] MAGIC = "RNMEMORY".getBytes(StandardCharsets.US_ASCII);
    public static final int FORMAT_VERSION = 1;

    /** The file is not a memory this version can read; the message says why, for the agent. */
    public static final class UnreadableMemoryException extends IOException {
        public UnreadableMemoryException(String message) {
            super(message);
        }
    }

    private MemoryFile() {}

    public static void write(Memory memory, Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".memory-", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                OutputStream raw = Channels.newOutputStream(channel);
                CheckedOutputStream checked =
                        new CheckedOutputStream(new BufferedOutputStream(raw, 1 << 16), new CRC32());
                DataOutputStream out = new DataOutputStream(checked);
                writeBody(memory, out);
                out.flush();
                new DataOutputStream(raw).writeInt((int) checked.getChecksum().getValue());
                channel.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            forceDirectory(dir);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void writeBody(Memory memory, DataOutputStream out) throws IOException {
        out.write(MAGIC);
        out.writeInt(FORMAT_VERSION);
        out.writeUTF(memory.model().version());
        out.writeUTF(memory.model().fingerprint());
        int dimension = memory.isEmpty() ? 0 : memory.entries().get(0).dimension();
        out.writeInt(dimension);
        out.writeInt(memory.size());
        for (MemoryEntry e : memory.entries()) {
            out.writeUTF(e.label());
            out.writeUTF(e.shoot());
            out.writeUTF(e.file());
            out.writeUTF(e.contentHash());
            out.writeLong(e.learnedMillis());
            for (short h : e.embedding()) {
                out.writeShort(h);
            }
        }
    }

    /** Reads a memory; a file that is not one, of another format version, cut short or damaged says so. */
    public static Memory read(Path file) throws IOException {
        long size = Files.size(file);
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            CheckedInputStream checked = new CheckedInputStream(raw, new CRC32());
            DataInputStream in = new DataInputStream(checked);
            byte[] magic = new byte[MAGIC.length];
            in.readFully(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new UnreadableMemoryException(file + " is not a RoomNet memory file");
            }
            int version = in.readInt();
            if (version != FORMAT_VERSION) {
                throw new UnreadableMemoryException(file + " has memory format version " + version
                        + "; this version of RoomNet reads version " + FORMAT_VERSION);
            }
            ModelKey model = new ModelKey(in.readUTF(), in.readUTF());
            int dimension = in.readInt();
            int count = in.readInt();
            // every entry takes more than 2 bytes per value: a count the file cannot hold is damage, not a huge
            // allocation
            if (dimension < 0
                    || count < 0
                    || (count > 0 && dimension == 0)
                    || (long) count * (2L * dimension + 14) > size) {
                throw new UnreadableMemoryException(
                        file + " is damaged (impossible header: " + count + " photos of " + dimension + " values)");
            }
            List<MemoryEntry> entries = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                String label = in.readUTF();
                String shoot = in.readUTF();
                String name = in.readUTF();
                String hash = in.readUTF();
                long millis = in.readLong();
                short[] embedding = new short[dimension];
                for (int k = 0; k < dimension; k++) {
                    embedding[k] = in.readShort();
                }
                entries.add(new MemoryEntry(label, shoot, name, hash, millis, embedding));
            }
            int expected = (int) checked.getChecksum().getValue();
            int stored = new DataInputStream(raw).readInt();
            if (stored != expected || raw.read() != -1) {
                throw new UnreadableMemoryException(file + " is damaged (its checksum does not match)");
            }
            return new Memory(model, entries);
        } catch (EOFException e) {
            throw new UnreadableMemoryException(file + " is damaged (cut short)");
        } catch (java.io.UTFDataFormatException | IllegalArgumentException e) {
            throw new UnreadableMemoryException(file + " is damaged (" + e.getMessage() + ")");
        }
    }

    /** Makes the rename itself durable where the platform allows opening a folder (not on Windows). */
    private static void forceDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | RuntimeException ignored) {
            // best effort
        }
    }
}
