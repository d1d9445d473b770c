package org.roomnet.core.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReviewClaimTest {

    @TempDir
    Path folder;

    /** This machine's name as the claim writes it. */
    private String host() throws IOException {
        try (ReviewClaim probe = ReviewClaim.takeOver(Files.createDirectories(folder.resolve("probe")))) {
            return probe.owner().host();
        }
    }

    private void writeClaim(String host, long pid, Instant since, Instant refreshed) throws IOException {
        Files.writeString(
                folder.resolve(ReviewClaim.FILE_NAME),
                "ROOMNET-CLAIM\t1\nbob\t" + host + "\t" + pid + "\t" + since.toEpochMilli() + "\t"
                        + refreshed.toEpochMilli() + "\ttoken-of-bob\n");
    }

    @Test
    void aSecondWindowIsToldWhoHasTheShootAndSinceWhen() throws IOException {
        ReviewClaim.Attempt first = ReviewClaim.tryClaim(folder);
        assertTrue(first.claimed());
        ReviewClaim.Attempt second = ReviewClaim.tryClaim(folder);
        assertFalse(second.claimed());
        ClaimOwner holder = second.holder();
        assertEquals(first.claim().owner(), holder);
        assertEquals(System.getProperty("user.name"), holder.user());
        assertEquals(ProcessHandle.current().pid(), holder.pid());
        assertTrue(holder.describe().contains(" on " + holder.host() + " since "), holder.describe());

        first.claim().release();
        assertFalse(Files.exists(folder.resolve(ReviewClaim.FILE_NAME)));
        assertTrue(ReviewClaim.tryClaim(folder).claimed(), "a released shoot can be claimed");
    }

    @Test
    void takingOverMakesTheFormerHolderLoseAtItsNextRefresh() throws IOException {
        ReviewClaim a = ReviewClaim.tryClaim(folder).claim();
        assertTrue(a.refresh());
        ReviewClaim b = ReviewClaim.takeOver(folder);
        assertFalse(a.isHeld());
        assertFalse(a.refresh(), "A finds out it lost the shoot");
        assertTrue(b.isHeld());
        assertEquals(b.owner(), ReviewClaim.holder(folder).orElseThrow());
        a.release();
        assertTrue(b.isHeld(), "releasing a lost claim leaves the new holder's claim alone");
    }

    @Test
    void aLiveProcessOnThisMachineHoldsItsClaimAndAKilledOneAtOnceNoLonger() throws Exception {
        String host = host();
        Process child = new ProcessBuilder(
                        javaCommand(), "-cp", System.getProperty("java.class.path"), Sleeper.class.getName())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            Instant since = child.info().startInstant().orElse(Instant.now()).plusSeconds(1);
            writeClaim(host, child.pid(), since, Instant.now().minus(Duration.ofHours(1)));
            ReviewClaim.Attempt attempt = ReviewClaim.tryClaim(folder);
            assertFalse(attempt.claimed(), "alive: held, even with an old heartbeat (a machine that slept)");
            assertEquals("bob", attempt.holder().user());

            // the same pid, but the claim is older than the process: the pid was reused, the claim is stale
            writeClaim(host, child.pid(), since.minus(Duration.ofHours(1)), Instant.now());
            ReviewClaim reused = ReviewClaim.tryClaim(folder).claim();
            assertTrue(reused != null);
            reused.release();

            writeClaim(host, child.pid(), since, Instant.now());
            child.destroyForcibly(); // kill -9
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            ReviewClaim.Attempt after = ReviewClaim.tryClaim(folder);
            assertTrue(after.claimed(), "the process is gone: its claim is over at once, whatever its heartbeat says");
            assertNull(after.holder());
        } finally {
            child.destroyForcibly();
        }
    }

    @Test
    void aClaimFromAnotherMachineHoldsUntilItsHeartbeatIsTwoMinutesOld() throws IOException {
        Instant now = Instant.now();
        writeClaim("other-pc", 4242, now.minusSeconds(3600), now.minusSeconds(45));
        ReviewClaim.Attempt held = ReviewClaim.tryClaim(folder);
        assertFalse(held.claimed());
        assertEquals("other-pc", held.holder().host());

        writeClaim(
                "other-pc",
                4242,
                now.minusSeconds(3600),
                now.minus(ReviewClaim.STALE).minusSeconds(1));
        assertTrue(ReviewClaim.tryClaim(folder).claimed(), "no heartbeat for two minutes: stale");
    }

    @Test
    void anUnreadableClaimFileCountsAsNoClaim() throws IOException {
        Files.writeString(folder.resolve(ReviewClaim.FILE_NAME), "garbage");
        assertTrue(ReviewClaim.holder(folder).isEmpty());
        assertTrue(ReviewClaim.tryClaim(folder).claimed());
    }

    private static String javaCommand() {
        return ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** A process that lives a while. */
    public static final class Sleeper {
        public static void main(String[] args) throws InterruptedException {
            Thread.sleep(60_000);
        }
    }
}
