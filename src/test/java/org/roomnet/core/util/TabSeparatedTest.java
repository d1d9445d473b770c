package org.roomnet.core.util;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class TabSeparatedTest {

    @Test
    void awkwardCharactersAreEscapedAndComeBack() {
        String s = "a\\b\tc\nd\re";
        String escaped = TabSeparated.escape(s);
        assertEquals("a\\\\b\\tc\\nd\\re", escaped);
        assertFalse(escaped.contains("\t") || escaped.contains("\n") || escaped.contains("\r"));
        assertEquals(s, TabSeparated.unescape(escaped));
    }

    @Test
    void plainTextIsLeftAsItIs() {
        String s = "Kitchen/IMG_0001 (1).jpg";
        assertEquals(s, TabSeparated.escape(s));
        assertSame(s, TabSeparated.unescape(s));
        assertEquals("", TabSeparated.escape(""));
    }

    @Test
    void unknownEscapesStandForTheCharacterAndALoneTrailingBackslashStays() {
        assertEquals("aqb", TabSeparated.unescape("a\\qb"));
        assertEquals("ab\\", TabSeparated.unescape("ab\\"));
    }

    @Test
    void aLineSplitsBackIntoItsFieldsEmptyOnesIncluded() {
        String[] fields = {"PHOTO", "tab\there\\name.jpg", "", "line\nbreak", ""};
        String line = TabSeparated.join(fields);
        assertEquals(4, line.chars().filter(c -> c == '\t').count());
        assertArrayEquals(fields, TabSeparated.split(line));
        assertArrayEquals(new String[] {""}, TabSeparated.split(""));
    }
}
