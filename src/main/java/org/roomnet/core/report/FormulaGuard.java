package org.roomnet.core.report;

/**
 * Text that a spreadsheet would take for a formula (a file named {@code =cmd|' /C calc'!A0.jpg}, say)
 * starts with {@code = + - @}, a tab or a carriage return (OWASP, "CSV injection"). In CSV such a
 * cell gets a leading apostrophe, which spreadsheets show as text and hide; in XLSX the cell keeps
 * its exact text and is marked quote-prefixed, Excel's own "this is text" flag.
 */
final class FormulaGuard {

    private FormulaGuard() {}

    static boolean looksLikeFormula(String cell) {
        if (cell == null || cell.isEmpty()) {
            return false;
        }
        char c = cell.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }

    static String forCsv(String cell) {
        return looksLikeFormula(cell) ? "'" + cell : cell;
    }
}
