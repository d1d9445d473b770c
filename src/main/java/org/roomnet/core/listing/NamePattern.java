package org.roomnet.core.listing;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How exported photos are named. Fields: {@code {n}} the position (zero-padded to the count's width,
 * at least two digits, so file-name order is listing order), {@code {room}} the room type in lower
 * case, {@code {-k}} "-2", "-3" … from a room's second photo on (nothing for its first), {@code {k}}
 * the photo's number within its room, {@code {name}} the original file name without extension,
 * {@code {shoot}} the shoot folder's name. The default, {@value #DEFAULT}, gives "01-frontyard.jpg",
 * "02-livingroom.jpg", "03-livingroom-2.jpg". A pattern must hold {n} (it keeps names unique and in
 * order) and no path separator; the extension ".jpg" is added.
 */
public record NamePattern(String pattern) {

    public static final String DEFAULT = "{n}-{room}{-k}";
    private static final Pattern FIELD = Pattern.compile("\\{(n|room|-k|k|name|shoot)}");
    private static final int MAX_NAME_BYTES = 250;
    /** {name} and {shoot} are cut to this, so that a long one cannot push {n} out of the name. */
    private static final int FIELD_BYTES = 100;

    public NamePattern {
        if (pattern == null || !pattern.contains("{n}")) {
            throw new IllegalArgumentException("the name pattern must contain {n}, the photo's position: " + pattern);
        }
        String literal = FIELD.matcher(pattern).replaceAll("");
        if (literal.contains("{") || literal.contains("}")) {
            throw new IllegalArgumentException("unknown field in the name pattern '" + pattern
                    + "'; the fields are {n} {room} {-k} {k} {name} {shoot}");
        }
        if (!safe(literal).equals(literal)) {
            throw new IllegalArgumentException(
                    "the name pattern may not contain / \\ : * ? \" < > | or control characters: " + pattern);
        }
    }

    public static NamePattern defaultPattern() {
        return new NamePattern(DEFAULT);
    }

    /**
     * The file name of the photo at {@code position} (1-based) of {@code total}, the {@code k}-th of its room.
     */
    public String name(int position, int total, String room, int k, String originalName, String shoot) {
        int width = Math.max(2, Integer.toString(total).length());
        Matcher m = FIELD.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = switch (m.group(1)) {
                case "n" -> String.format(Locale.ROOT, "%0" + width + "d", position);
                case "room" -> room.toLowerCase(Locale.ROOT);
                case "-k" -> k > 1 ? "-" + k : "";
                case "k" -> Integer.toString(k);
                case "name" -> fit(stem(originalName), FIELD_BYTES);
                default -> fit(shoot, FIELD_BYTES);
            };
            m.appendReplacement(out, Matcher.quoteReplacement(safe(value)));
        }
        m.appendTail(out);
        return fit(out.toString().strip(), MAX_NAME_BYTES) + ".jpg";
    }

    private static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    /** Characters no file system takes (or Windows refuses) become "_". */
    private static String safe(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints()
                .forEach(c -> b.appendCodePoint(c < 0x20 || c == 0x7f || "/\\:*?\"<>|".indexOf(c) >= 0 ? '_' : c));
        return b.toString();
    }

    /** At most {@code max} bytes of UTF-8, cut at a character boundary. */
    private static String fit(String name, int max) {
        if (name.getBytes(StandardCharsets.UTF_8).length <= max) {
            return name;
        }
        StringBuilder b = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < name.length(); ) {
            int c = name.codePointAt(i);
            int size = new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > max) {
                break;
            }
            b.appendCodePoint(c);
            bytes += size;
            i += Character.charCount(c);
        }
        return b.toString();
    }
}
