package org.roomnet.core.organize;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.roomnet.core.util.TabSeparated;

/**
 * The record of one organize run, written and forced to disk before the first file is touched,
 * then one line per finished file. Undo and crash repair read it back.
 *
 * <pre>
 * ROOMNET-JOURNAL 2
 * RUN     token         (random; names this run's temporary files)
 * SOURCE  folder        DEST dir        MODE COPY|MOVE
 * MKDIR   dir           (created by this run, removed by undo when empty)
 * PLAN    index  source  target
 * PLANNED count
 * WROTE   index  key  size  mtime-ns   (the file about to appear at the target, key ino:N on Unix: proof
 *                                       of ownership, forced to disk before it appears and before a source
 *                                       is removed; FileIdentity)
 * DONE    index  sha256|-
 * LEFT    what a rollback or undo could not put back, and why
 * COMPLETE | ROLLED-BACK | INCOMPLETE | UNDONE
 * </pre>
 * The last state line counts: {@code INCOMPLETE} (a rollback or undo that could not finish) is
 * followed by {@code UNDONE} once an undo has put everything back.
 * Fields are tab-separated; backslash, tab and line breaks in paths are escaped ({@link TabSeparated}).
 * Version 1 (before decision 0012) had no {@code RUN} and no {@code WROTE} lines.
 */
final class Journal implements AutoCloseable {

    record Entry(int index, Path source, Path target) {}

    enum State {
        PLANNING,
        RUNNING,
        COMPLETE,
        ROLLED_BACK,
        INCOMPLETE,
        UNDONE;

        /** A run that was killed, or whose rollback or undo could not finish: files may be out of place. */
        boolean unfinished() {
            return this == PLANNING || this == RUNNING || this == INCOMPLETE;
        }
    }

    static final int VERSION = 2;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private FileChannel channel;

    private int version = 1;
    private String token;
    private final Map<Integer, FileIdentity> written = new HashMap<>();

    private Path sourceFolder;
    private Path destination;
    private TransferMode mode;
    private final List<Path> createdDirs = new ArrayList<>();
    private final List<Entry> entries = new ArrayList<>();
    private final Map<Integer, String> done = new HashMap<>();
    private final List<String> left = new ArrayList<>();
    private boolean leftIsOld;
    private State state = State.PLANNING;

    private Journal(Path file) {
        this.file = file;
    }

    static Journal create(Path file, Path sourceFolder, Path destination, TransferMode mode) throws IOException {
        Files.createDirectories(file.getParent());
        Journal j = new Journal(file);
        j.sourceFolder = sourceFolder;
        j.destination = destination;
        j.mode = mode;
        j.version = VERSION;
        byte[] random = new byte[8];
        RANDOM.nextBytes(random);
        j.token = HexFormat.of().formatHex(random);
        j.channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        j.append("ROOMNET-JOURNAL", Integer.toString(VERSION));
        j.append("RUN", j.token);
        j.append("SOURCE", sourceFolder.toString());
        j.append("DEST", destination.toString());
        j.append("MODE", mode.name());
        return j;
    }

    static Journal read(Path file) throws IOException {
        Journal j = new Journal(file);
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isEmpty()) {
                continue;
            }
            String[] f = TabSeparated.split(line);
            switch (f[0]) {
                case "ROOMNET-JOURNAL" -> j.version = Integer.parseInt(f[1]);
                case "RUN" -> j.token = f[1];
                case "WROTE" ->
                    j.written.put(
                            Integer.parseInt(f[1]), new FileIdentity(f[2], Long.parseLong(f[3]), Long.parseLong(f[4])));
                case "SOURCE" -> j.sourceFolder = Path.of(f[1]);
                case "DEST" -> j.destination = Path.of(f[1]);
                case "MODE" -> j.mode = TransferMode.valueOf(f[1]);
                case "MKDIR" -> j.createdDirs.add(Path.of(f[1]));
                case "PLAN" -> j.entries.add(new Entry(Integer.parseInt(f[1]), Path.of(f[2]), Path.of(f[3])));
                case "PLANNED" -> j.state = State.RUNNING;
                case "DONE" -> j.done.put(Integer.parseInt(f[1]), f[2]);
                case "COMPLETE" -> j.state = State.COMPLETE;
                case "ROLLED-BACK" -> j.state = State.ROLLED_BACK;
                case "INCOMPLETE" -> {
                    j.state = State.INCOMPLETE;
                    j.leftIsOld = true;
                }
                case "LEFT" -> {
                    if (j.leftIsOld) { // a later attempt: its list replaces the earlier one
                        j.left.clear();
                        j.leftIsOld = false;
                    }
                    j.left.add(f[1]);
                }
                case "UNDONE" -> j.state = State.UNDONE;
                default -> {} // lines of a newer version are ignored
            }
        }
        return j;
    }

    void recordCreatedDir(Path dir) throws IOException {
        createdDirs.add(dir);
        append("MKDIR", dir.toString());
    }

    void plan(Entry entry) throws IOException {
        entries.add(entry);
        append(
                "PLAN",
                Integer.toString(entry.index()),
                entry.source().toString(),
                entry.target().toString());
    }

    void planned() throws IOException {
        state = State.RUNNING;
        append("PLANNED", Integer.toString(entries.size()));
        force();
    }

    /**
     * Records, and forces to disk, the identity of the file about to appear at entry {@code index}'s
     * target: the proof that lets undo remove or move back that file, and nothing else. A later line
     * for the same entry replaces it (a move that fell back from a link to a copy).
     */
    void wrote(int index, FileIdentity identity) throws IOException {
        written.put(index, identity);
        append(
                "WROTE",
                Integer.toString(index),
                identity.key(),
                Long.toString(identity.size()),
                Long.toString(identity.modifiedNanos()));
        force();
    }

    /** The entry is finished. Not forced: undo decides from the {@code WROTE} proof and the files, not from this line. */
    void done(int index, String hash) throws IOException {
        done.put(index, hash);
        append("DONE", Integer.toString(index), hash);
    }

    void finish(State finalState) throws IOException {
        state = finalState;
        append(
                switch (finalState) {
                    case COMPLETE -> "COMPLETE";
                    case ROLLED_BACK -> "ROLLED-BACK";
                    case INCOMPLETE -> "INCOMPLETE";
                    case UNDONE -> "UNDONE";
                    default -> throw new IllegalArgumentException(finalState.name());
                });
        force();
    }

    /** Records what a rollback or undo left out of place; {@link #finish} with {@code INCOMPLETE} follows. */
    void left(List<String> problems) throws IOException {
        left.clear();
        for (String problem : problems) {
            left.add(problem);
            append("LEFT", problem);
        }
    }

    /** Reopens a journal read from disk for appending (undo records its outcome). */
    void openForAppend() throws IOException {
        if (channel == null) {
            channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        }
    }

    Path file() {
        return file;
    }

    Path sourceFolder() {
        return sourceFolder;
    }

    Path destination() {
        return destination;
    }

    TransferMode mode() {
        return mode;
    }

    List<Path> createdDirs() {
        return List.copyOf(createdDirs);
    }

    List<Entry> entries() {
        return List.copyOf(entries);
    }

    boolean isDone(int index) {
        return done.containsKey(index);
    }

    /** What this run recorded as written at entry {@code index}'s target; null when it wrote nothing there. */
    FileIdentity written(int index) {
        return written.get(index);
    }

    /** A journal of version 1 holds no proof of ownership. */
    boolean hasProofs() {
        return version >= 2;
    }

    /** This run's token (its temporary files' names); null for a version-1 journal. */
    String token() {
        return token;
    }

    State state() {
        return state;
    }

    /** What the last rollback or undo reported as left out of place. */
    List<String> left() {
        return List.copyOf(left);
    }

    /** Undo has something to do: a finished run that changed files, or one that is unfinished. */
    boolean needsUndo() {
        return state.unfinished() || (state == State.COMPLETE && !entries.isEmpty());
    }

    /** The run's id: its file name without the extension (a UTC time stamp). */
    String id() {
        String name = file.getFileName().toString();
        return name.endsWith(JournalStore.EXTENSION)
                ? name.substring(0, name.length() - JournalStore.EXTENSION.length())
                : name;
    }

    private void append(String... fields) throws IOException {
        String line = TabSeparated.join(fields) + '\n';
        ByteBuffer bytes = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }

    private void force() throws IOException {
        channel.force(true);
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
            channel = null;
        }
    }
}
