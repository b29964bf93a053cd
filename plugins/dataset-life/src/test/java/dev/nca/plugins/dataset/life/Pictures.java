package dev.nca.plugins.dataset.life;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Test helpers: Life states written as pictures ({@code 'O'} alive, {@code '.'} dead, one string
 * per row), and a slow reference rule written independently of {@link ToroidalLife} (it counts
 * neighbours by scattering each live cell onto its eight neighbours).
 */
final class Pictures {

    private Pictures() {
    }

    /** Row-major 0/1 cells of a square picture. */
    static byte[] cells(String... rows) {
        int size = rows.length;
        byte[] out = new byte[size * size];
        for (int r = 0; r < size; r++) {
            if (rows[r].length() != size) {
                throw new IllegalArgumentException("row " + r + " has " + rows[r].length() + " characters, need "
                        + size);
            }
            for (int c = 0; c < size; c++) {
                out[r * size + c] = switch (rows[r].charAt(c)) {
                    case 'O' -> 1;
                    case '.' -> 0;
                    default -> throw new IllegalArgumentException("use 'O' and '.', got " + rows[r].charAt(c));
                };
            }
        }
        return out;
    }

    /** The picture of a square state, for readable assertion messages. */
    static String picture(byte[] cells) {
        int size = (int) Math.round(Math.sqrt(cells.length));
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < size; r++) {
            for (int c = 0; c < size; c++) {
                sb.append(cells[r * size + c] == 1 ? 'O' : '.');
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Rows of a pattern as pictures (top row first). */
    static List<String> rows(LifePattern p) {
        List<String> rows = new ArrayList<>();
        for (int r = 0; r < p.height(); r++) {
            StringBuilder sb = new StringBuilder();
            for (int c = 0; c < p.width(); c++) {
                sb.append(p.alive(r, c) ? 'O' : '.');
            }
            rows.add(sb.toString());
        }
        return rows;
    }

    /** One generation of B3/S23 on a torus, by scattering live cells onto neighbour counters. */
    static byte[] referenceStep(byte[] cells) {
        int size = (int) Math.round(Math.sqrt(cells.length));
        Map<Integer, Integer> counts = new HashMap<>();
        for (int i = 0; i < cells.length; i++) {
            if (cells[i] == 0) {
                continue;
            }
            int r = i / size;
            int c = i % size;
            for (int dr = -1; dr <= 1; dr++) {
                for (int dc = -1; dc <= 1; dc++) {
                    if (dr != 0 || dc != 0) {
                        int key = Math.floorMod(r + dr, size) * size + Math.floorMod(c + dc, size);
                        counts.merge(key, 1, Integer::sum);
                    }
                }
            }
        }
        byte[] out = new byte[cells.length];
        counts.forEach((key, n) -> out[key] = (byte) (n == 3 || (n == 2 && cells[key] == 1) ? 1 : 0));
        return out;
    }
}
