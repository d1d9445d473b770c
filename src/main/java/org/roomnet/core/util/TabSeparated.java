package org.roomnet.core.util;

/**
 * The tab-separated lines of RoomNet's own small files (the review sidecar, the organize journal):
 * fields joined by tabs, with backslash, tab, line feed and carriage return in a field escaped as
 * {@code \\}, {@code \t}, {@code \n} and {@code \r}, so that one record is always one line.
 */
public final class TabSeparated {

    private TabSeparated() {}

    /** The field with backslash, tab, line feed and carriage return escaped. */
    public static String escape(String field) {
        StringBuilder sb = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * Undoes {@link #escape}. A backslash before any other character stands for that character; a
     * lone backslash at the end is kept.
     */
    public static String unescape(String field) {
        if (field.indexOf('\\') < 0) {
            return field;
        }
        StringBuilder sb = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 1 < field.length()) {
                char n = field.charAt(++i);
                sb.append(
                        switch (n) {
                            case 't' -> '\t';
                            case 'n' -> '\n';
                            case 'r' -> '\r';
                            default -> n;
                        });
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** One line (without its line break): the fields escaped and joined by tabs. */
    public static String join(String... fields) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                sb.append('\t');
            }
            sb.append(escape(fields[i]));
        }
        return sb.toString();
    }

    /** The fields of one line, unescaped; empty fields are kept, a trailing one too. */
    public static String[] split(String line) {
        String[] fields = line.split("\t", -1);
        for (int i = 0; i < fields.length; i++) {
            fields[i] = unescape(fields[i]);
        }
        return fields;
    }
}
