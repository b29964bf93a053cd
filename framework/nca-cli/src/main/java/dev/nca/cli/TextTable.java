package dev.nca.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A plain-text table: columns padded to their widest cell and separated by two spaces; the last
 * column is not padded. Cells must not contain line breaks.
 */
final class TextTable {

    private final String indent;
    private final List<String[]> rows = new ArrayList<>();
    private final int columns;

    /**
     * @param indent  printed before every row
     * @param headers the column headers (the first row)
     */
    TextTable(String indent, String... headers) {
        this.indent = indent;
        this.columns = headers.length;
        rows.add(headers.clone());
    }

    /** Adds a row of exactly as many cells as there are headers; {@code null} prints as empty. */
    TextTable row(String... cells) {
        if (cells.length != columns) {
            throw new IllegalArgumentException("expected " + columns + " cells, got " + Arrays.toString(cells));
        }
        String[] copy = new String[columns];
        for (int i = 0; i < columns; i++) {
            copy[i] = cells[i] == null ? "" : cells[i];
        }
        rows.add(copy);
        return this;
    }

    /** Writes the header and the rows. */
    void print(PrintWriter out) {
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder(indent);
            for (int i = 0; i < columns; i++) {
                line.append(row[i]);
                if (i < columns - 1) {
                    line.append(" ".repeat(widths[i] - row[i].length() + 2));
                }
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
