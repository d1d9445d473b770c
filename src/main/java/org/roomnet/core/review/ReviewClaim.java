package org.roomnet.core.review;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.roomnet.core.util.TabSeparated;

/**
 * A window's claim on a shoot it has open for review: the file {@value #FILE_NAME} in the shoot with
 * the owner (user, machine, process, since when) and a heartbeat refreshed every {@link #REFRESH}.
 * Another window or machine that opens the shoot sees the claim and opens it read-only until the agent
 * takes it over explicitly ({@link #takeOver}). A claim is over (stale) when
 * <ul>
 * <li>on the same machine: its process is gone, or the process id now belongs to a later process
 *     (in this process: its window has released it);</li>
 * <li>from another machine: it was not refreshed for {@link #STALE} (clocks assumed within a minute).</li>
 * </ul>
 * Advisory, like every lock on a network share: it tells well-behaved RoomNet windows and commands
 * about each other; it stops nothing else. What it cannot prevent (two takeovers at the same instant,
 * a machine that does not see the file in time) the merge of {@link ReviewStore} makes safe.
 */
public final class ReviewClaim implements AutoCloseable {

    public static final String FILE_NAME = ".roomnet-review.claim";
    public static final Duration REFRESH = Duration.ofSeconds(30);
    public static final Duration STALE = Duration.ofMinutes(2);
    private static final String MAGIC = "ROOMNET-CLAIM";
    private static final int MAX_BYTES = 4096;
    private static final long PID = ProcessHandle.current().pid();
    /** Tokens of the claims held by windows of this process. */
    private static final Set<String> HELD_HERE = ConcurrentHashMap.newKeySet();

    private static final ScheduledExecutorService HEARTBEAT = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "roomnet-claim-heartbeat");
        t.setDaemon(true);
        return t;
    });

    private final Path folder;
    private final ClaimOwner owner;
    private ScheduledFuture<?> heartbeat;

    /** Claimed (this window may edit), or held elsewhere (read-only: {@code holder} says by whom). */
    public record Attempt(ReviewClaim claim, ClaimOwner holder) {
        public boolean claimed() {
            return claim != null;
        }
    }

    private ReviewClaim(Path folder, ClaimOwner owner) {
        this.folder = folder;
        this.owner = owner;
    }

    /** Claims the shoot unless a live claim of another window holds it. */
    public static Attempt tryClaim(Path folder) throws IOException {
        Path file = folder.resolve(FILE_NAME);
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<ClaimOwner> existing = readOwner(file);
            if (existing.isPresent() && isLive(existing.get(), Instant.now())) {
                return new Attempt(null, existing.get());
            }
            ClaimOwner mine = newOwner();
            try {
                if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                    ReviewSidecar.atomicWrite(file, format(mine)); // a stale or unreadable claim
                } else {
                    createNew(file, mine);
                }
            } catch (FileAlreadyExistsException raced) {
                continue;
            }
            if (readOwner(file).map(o -> o.token().equals(mine.token())).orElse(false)) {
                HELD_HERE.add(mine.token());
                return new Attempt(new ReviewClaim(folder, mine), null);
            }
        }
        Optional<ClaimOwner> winner = readOwner(file);
        if (winner.isPresent()) {
            return new Attempt(null, winner.get());
        }
        throw new IOException("the shoot could not be claimed: its claim file keeps changing");
    }

    /** "Open anyway": claims the shoot whoever holds it; the other window finds out at its next save or heartbeat. */
    public static ReviewClaim takeOver(Path folder) throws IOException {
        ClaimOwner mine = newOwner();
        ReviewSidecar.atomicWrite(folder.resolve(FILE_NAME), format(mine));
        HELD_HERE.add(mine.token());
        return new ReviewClaim(folder, mine);
    }

    /** The live claim on {@code folder}, if any (this process's own windows included). */
    public static Optional<ClaimOwner> holder(Path folder) {
        try {
            return readOwner(folder.resolve(FILE_NAME)).filter(o -> isLive(o, Instant.now()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static boolean isLive(ClaimOwner o, Instant now) {
        if (o.host().equals(Host.NAME) && !Host.NAME.equals("localhost")) {
            if (o.pid() == PID) {
                return HELD_HERE.contains(o.token());
            }
            Optional<ProcessHandle> process = ProcessHandle.of(o.pid()).filter(ProcessHandle::isAlive);
            if (process.isEmpty()) {
                return false;
            }
            Optional<Instant> started = process.get().info().startInstant();
            return started.isEmpty() || !started.get().isAfter(o.since().plusSeconds(5)); // else: the pid was reused
        }
        return Duration.between(o.refreshed(), now).compareTo(STALE) < 0;
    }

    public ClaimOwner owner() {
        return owner;
    }

    public Path folder() {
        return folder;
    }

    /** Whether the claim file still names this window (not taken over). Reads the file. */
    public boolean isHeld() throws IOException {
        return readOwner(folder.resolve(FILE_NAME))
                .map(o -> o.token().equals(owner.token()))
                .orElse(false);
    }

    /** The heartbeat: writes the refresh time if the claim is still this window's; false when it was taken over. */
    public synchronized boolean refresh() throws IOException {
        Path file = folder.resolve(FILE_NAME);
        Optional<ClaimOwner> now = readOwner(file);
        if (now.isPresent() && !now.get().token().equals(owner.token())) {
            HELD_HERE.remove(owner.token());
            return false;
        }
        ClaimOwner refreshed = new ClaimOwner(
                owner.user(),
                owner.host(),
                owner.pid(),
                owner.since(),
                Instant.now().truncatedTo(ChronoUnit.MILLIS),
                owner.token());
        ReviewSidecar.atomicWrite(file, format(refreshed)); // also puts back a claim file someone deleted
        return true;
    }

    /**
     * Refreshes the claim every {@link #REFRESH} in the background; when it finds the claim taken over,
     * stops and tells {@code onLost} who holds it now. A refresh that fails (a share gone for a moment)
     * is tried again at the next beat.
     */
    public synchronized void keepAlive(Consumer<Optional<ClaimOwner>> onLost) {
        if (heartbeat != null) {
            return;
        }
        long period = REFRESH.toMillis();
        heartbeat = HEARTBEAT.scheduleAtFixedRate(
                () -> {
                    try {
                        if (!refresh()) {
                            stopHeartbeat();
                            onLost.accept(holder(folder));
                        }
                    } catch (IOException | RuntimeException ignored) {
                        // the next beat tries again; the claim goes stale for others only after STALE
                    }
                },
                period,
                period,
                TimeUnit.MILLISECONDS);
    }

    private synchronized void stopHeartbeat() {
        if (heartbeat != null) {
            heartbeat.cancel(false);
        }
    }

    /** Gives the claim up: removes the claim file if it still names this window. */
    public synchronized void release() {
        stopHeartbeat();
        HELD_HERE.remove(owner.token());
        try {
            if (isHeld()) {
                Files.deleteIfExists(folder.resolve(FILE_NAME));
            }
        } catch (IOException ignored) {
            // it goes stale on its own
        }
    }

    @Override
    public void close() {
        release();
    }

    // ---- the file ----------------------------------------------------------------------------------

    private static ClaimOwner newOwner() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS); // as the file keeps it
        return new ClaimOwner(
                System.getProperty("user.name", "someone"),
                Host.NAME,
                PID,
                now,
                now,
                UUID.randomUUID().toString());
    }

    private static byte[] format(ClaimOwner o) {
        return (TabSeparated.join(new String[] {MAGIC, "1"}) + "\n"
                        + TabSeparated.join(new String[] {
                            o.user(),
                            o.host(),
                            Long.toString(o.pid()),
                            Long.toString(o.since().toEpochMilli()),
                            Long.toString(o.refreshed().toEpochMilli()),
                            o.token()
                        })
                        + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static void createNew(Path file, ClaimOwner mine) throws IOException {
        Files.write(file, format(mine), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    /** The claim in the file; empty when there is none or it cannot be read (then it counts as stale). */
    static Optional<ClaimOwner> readOwner(Path file) throws IOException {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        if (!a.isRegularFile() || a.size() > MAX_BYTES) {
            return Optional.empty(); // never opened: a FIFO would block
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            bytes = in.readNBytes(MAX_BYTES);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n");
        try {
            String[] head = TabSeparated.split(lines[0]);
            String[] f = TabSeparated.split(lines[1]);
            if (!MAGIC.equals(head[0]) || f.length < 6 || f[5].isBlank()) {
                return Optional.empty();
            }
            return Optional.of(new ClaimOwner(
                    f[0],
                    f[1],
                    Long.parseLong(f[2]),
                    Instant.ofEpochMilli(Long.parseLong(f[3])),
                    Instant.ofEpochMilli(Long.parseLong(f[4])),
                    f[5]));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** This machine's name, looked up once. */
    private static final class Host {
        static final String NAME = lookUp();

        private static String lookUp() {
            String env = System.getenv("COMPUTERNAME");
            if (env != null && !env.isBlank()) {
                return env;
            }
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (IOException | RuntimeException e) {
                return "localhost";
            }
        }
    }
}
