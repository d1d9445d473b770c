package org.roomnet.core.classify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which names may be room types. A room type becomes a folder name (organize writes {@code <into>/<RoomType>/})
 * and part of exported file names, so a model (or, later, an agent adding a room type) may only name rooms
 * that are one plain folder name on every system: not empty, at most {@value #MAX_LENGTH} characters, no path
 * separator, no {@code ..}, no control or invisible formatting character, none of {@code <>:"/\|?*}, no
 * leading or trailing space or dot, not a device name Windows reserves (CON, NUL, COM1 …), and unique
 * ignoring case (two folders differing only in case are one folder on Windows and macOS).
 */
public final class ClassNames {

    public static final int MAX_LENGTH = 64;
    private static final String WINDOWS_INVALID = "<>:\"/\\|?*";
    private static final Set<String> WINDOWS_DEVICES = Set.of(
            "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "LPT1",
            "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");

    private ClassNames() {}

    /** Why {@code name} cannot be a room type, or empty when it can. */
    public static Optional<String> problem(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of("is empty");
        }
        if (name.length() > MAX_LENGTH) {
            return Optional.of("is longer than " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            int type = Character.getType(c);
            if (Character.isISOControl(c)
                    || type == Character.FORMAT
                    || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR) {
                return Optional.of(String.format("holds the control character U+%04X", (int) c));
            }
            if (WINDOWS_INVALID.indexOf(c) >= 0) {
                return Optional.of(
                        c == '/' || c == '\\'
                                ? "holds a path separator ('" + c + "')"
                                : "holds '" + c + "', which file names cannot hold on Windows");
            }
        }
        if (name.contains("..")) {
            return Optional.of("holds '..'");
        }
        if (name.strip().length() != name.length() || name.startsWith(".") || name.endsWith(".")) {
            return Optional.of("begins or ends with a space or a dot");
        }
        String stem = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
        if (WINDOWS_DEVICES.contains(stem.toUpperCase(Locale.ROOT))) {
            return Optional.of("is a device name Windows reserves");
        }
        return Optional.empty();
    }

    /**
     * Checks every name and that no two are the same ignoring case.
     *
     * @throws IllegalArgumentException naming each name refused and why
     */
    public static void check(List<String> names) {
        List<String> problems = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (String name : names) {
            Optional<String> problem = problem(name);
            if (problem.isPresent()) {
                problems.add(quote(name) + " " + problem.get());
            } else {
                String earlier = seen.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
                if (earlier != null) {
                    problems.add(quote(name) + " is named twice"
                            + (earlier.equals(name) ? "" : " (as " + quote(earlier) + ")"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(
                    "its class names cannot be room types (they become folder names): " + String.join("; ", problems));
        }
    }

    /** The name in quotes, control characters shown as escapes so that the message itself stays one clean line. */
    private static String quote(String name) {
        StringBuilder sb = new StringBuilder("'");
        for (char c : name == null ? new char[0] : name.toCharArray()) {
            sb.append(
                    Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                            ? String.format("\\u%04x", (int) c)
                            : String.valueOf(c));
        }
        return sb.append('\'').toString();
    }
}
