package org.roomnet.core.classify;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses a JSON array of strings, e.g. {@code ["Backyard", "Bathroom"]}, strictly: every escape of
 * RFC 8259 is decoded (so that a name is checked as it really is), anything that is not a list of
 * strings is refused.
 */
final class JsonStringList {

    private final String text;
    private int at;

    private JsonStringList(String text) {
        this.text = text;
    }

    /** @throws IllegalArgumentException saying what is wrong and where */
    static List<String> parse(String json) {
        return new JsonStringList(json).list();
    }

    private List<String> list() {
        List<String> values = new ArrayList<>();
        skipSpace();
        expect('[');
        skipSpace();
        if (peek() == ']') {
            at++;
        } else {
            while (true) {
                skipSpace();
                values.add(string());
                skipSpace();
                char c = next();
                if (c == ']') {
                    break;
                }
                if (c != ',') {
                    throw error("',' or ']' expected");
                }
            }
        }
        skipSpace();
        if (at != text.length()) {
            throw error("text after the list");
        }
        return values;
    }

    private String string() {
        expect('"');
        StringBuilder sb = new StringBuilder();
        while (true) {
            char c = next();
            if (c == '"') {
                return sb.toString();
            }
            if (c < 0x20) {
                throw error("unescaped control character in a string");
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char e = next();
            switch (e) {
                case '"', '\\', '/' -> sb.append(e);
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    if (at + 4 > text.length()) {
                        throw error("short \\u escape");
                    }
                    try {
                        sb.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                    } catch (NumberFormatException x) {
                        throw error("bad \\u escape");
                    }
                    at += 4;
                }
                default -> throw error("unknown escape \\" + e);
            }
        }
    }

    private void skipSpace() {
        while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
    }

    private char peek() {
        return at < text.length() ? text.charAt(at) : '\0';
    }

    private char next() {
        if (at >= text.length()) {
            throw error("unexpected end");
        }
        return text.charAt(at++);
    }

    private void expect(char c) {
        if (next() != c) {
            throw error("'" + c + "' expected");
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("class_names is not a JSON list of strings (" + what + " at character " + at
                + "): " + (text.length() > 200 ? text.substring(0, 200) + "…" : text));
    }
}
