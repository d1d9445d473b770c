package org.roomnet.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a timing on a shared machine needs beside it: the load average (from /proc/loadavg) and CPU time
 * used, by this JVM and by the child processes it has waited for (from /proc/self/stat), so a busy machine
 * shows as a lower share of the CPU rather than as a slower program.
 */
final class MachineLoad {

    /** Linux's USER_HZ, the unit of /proc/self/stat's times, is 100 on every mainstream kernel. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private MachineLoad() {}

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** CPU time of this JVM, all threads, in nanoseconds. */
    static long processCpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** CPU time of the children this process has waited for, in nanoseconds; -1 when unknown (not Linux). */
    static long childrenCpuNanos() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split("\\s+");
            // fields[0] is the state (field 3 of the file); cutime and cstime are fields 16 and 17
            return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) * NANOS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
