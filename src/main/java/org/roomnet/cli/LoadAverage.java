package org.roomnet.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine's load (1, 5 and 15 minute averages, from /proc/loadavg), for the record beside timings. */
final class LoadAverage {

    private LoadAverage() {
    }

    static String read() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
