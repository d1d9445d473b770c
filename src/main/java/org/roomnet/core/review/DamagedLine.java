package org.roomnet.core.review;

/** A line of the review file that could not be read (1-based {@code number}), and why. */
public record DamagedLine(int number, String reason) {

    @Override
    public String toString() {
        return "line " + number + " (" + reason + ")";
    }
}
