package org.roomnet.core.review;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Who has a shoot open for review ({@link ReviewClaim}): the user and machine, the process, when the
 * claim began and when it was last refreshed, and a random token that tells two windows of one
 * process apart.
 */
public record ClaimOwner(String user, String host, long pid, Instant since, Instant refreshed, String token) {

    /** "alice on studio-pc since 14:02" (with the date when it is not today). */
    public String describe() {
        ZonedDateTime at = since.atZone(ZoneId.systemDefault());
        String time = at.toLocalDate().equals(LocalDate.now())
                ? at.format(DateTimeFormatter.ofPattern("HH:mm"))
                : at.format(DateTimeFormatter.ofPattern("d MMM yyyy HH:mm"));
        return user + " on " + host + " since " + time;
    }
}
