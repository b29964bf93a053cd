package dev.nca.plugins.dataset.life;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The shipped RLE files decode to the known cell layouts and behave as those patterns do. */
class BuiltInPatternsTest {

    /** The layouts, written out by hand ('O' alive). */
    private static final Map<String, List<String>> LAYOUTS = Map.of(
            "block", List.of("OO", "OO"),
            "blinker", List.of("OOO"),
            "toad", List.of(".OOO", "OOO."),
            "beacon", List.of("OO..", "O...", "...O", "..OO"),
            "glider", List.of(".O.", "..O", "OOO"),
            "lwss", List.of(".O..O", "O....", "O...O", "OOOO."),
            "r-pentomino", List.of(".OO", "OO.", ".O."),
            "pulsar", List.of(
                    "..OOO...OOO..",
                    ".............",
                    "O....O.O....O",
                    "O....O.O....O",
                    "O....O.O....O",
                    "..OOO...OOO..",
                    ".............",
                    "..OOO...OOO..",
                    "O....O.O....O",
                    "O....O.O....O",
                    "O....O.O....O",
                    ".............",
                    "..OOO...OOO.."),
            "gosper-glider-gun", List.of(
                    "........................O...........",
                    "......................O.O...........",
                    "............OO......OO............OO",
                    "...........O...O....OO............OO",
                    "OO........O.....O...OO..............",
                    "OO........O...O.OO....O.O...........",
                    "..........O.....O.......O...........",
                    "...........O...O....................",
                    "............OO......................"));

    private static final Map<String, Integer> POPULATIONS = Map.of("block", 4, "blinker", 3, "toad", 6, "beacon", 6,
            "glider", 5, "lwss", 9, "r-pentomino", 5, "pulsar", 48, "gosper-glider-gun", 36);

    @Test
    void everyBuiltInDecodesToItsKnownLayout() {
        assertThat(LAYOUTS.keySet()).containsExactlyInAnyOrderElementsOf(PatternLibrary.BUILT_IN);
        for (String name : PatternLibrary.BUILT_IN) {
            LifePattern p = PatternLibrary.load(name);
            assertThat(p.name()).isEqualTo(name);
            assertThat(Pictures.rows(p)).as(name).containsExactlyElementsOf(LAYOUTS.get(name));
            assertThat(p.population()).as("population of %s", name).isEqualTo(POPULATIONS.get(name));
        }
    }

    @Test
    void pulsarHasPeriodThreeWithPopulations48And56And72() {
        ToroidalLife life = lattice(17, "pulsar", 2, 2);
        byte[] start = life.state();
        int[] populations = new int[4];
        for (int g = 0; g < 4; g++) {
            populations[g] = life.population();
            life.advance(1);
        }
        assertThat(populations).containsExactly(48, 56, 72, 48);
        life.advance(2);
        assertThat(Pictures.picture(life.state())).isEqualTo(Pictures.picture(start));
    }

    @Test
    void twoPeriodOscillatorsReturnAfterTwoGenerations() {
        for (String name : List.of("blinker", "toad", "beacon")) {
            ToroidalLife life = lattice(8, name, 2, 2);
            byte[] start = life.state();
            life.advance(1);
            assertThat(life.state()).as("%s after 1 generation", name).isNotEqualTo(start);
            life.advance(1);
            assertThat(Pictures.picture(life.state())).as("%s after 2 generations", name)
                    .isEqualTo(Pictures.picture(start));
        }
    }

    @Test
    void gosperGunAddsOneGliderEveryThirtyGenerations() {
        int size = 64;
        ToroidalLife life = lattice(size, "gosper-glider-gun", 1, 1);
        byte[] gun = life.state();
        int[] population = new int[121];
        byte[][] states = new byte[121][];
        for (int t = 0; t <= 120; t++) {
            population[t] = life.population();
            states[t] = life.state();
            life.advance(1);
        }
        for (int t = 0; t + 30 <= 120; t++) {
            assertThat(population[t + 30] - population[t]).as("population growth from generation %d to %d", t, t + 30)
                    .isEqualTo(5);
        }
        for (int k = 1; k <= 4; k++) {
            // the gun's 9 x 36 box (rows 1..9, columns 1..36) is back in its first phase ...
            assertThat(boxCells(states[30 * k], size, true)).as("gun box at generation %d", 30 * k)
                    .isEqualTo(boxCells(gun, size, true));
            // ... and k five-cell objects have left it
            assertThat(boxCells(states[30 * k], size, false)).as("cells outside the gun at generation %d", 30 * k)
                    .hasSize(5 * k);
        }
        // the object outside the box at generation 30 is a glider: 4 generations later it is the
        // same five cells moved one row down and one column right
        Set<Integer> first = boxCells(states[30], size, false);
        Set<Integer> moved = new HashSet<>();
        for (int cell : first) {
            moved.add(((cell / size + 1) % size) * size + (cell % size + 1) % size);
        }
        assertThat(boxCells(states[34], size, false)).isEqualTo(moved);
    }

    /** Live cells inside (or outside) the gun's box rows 1..9, columns 1..36, as indices. */
    private static Set<Integer> boxCells(byte[] state, int size, boolean inside) {
        Set<Integer> out = new HashSet<>();
        for (int i = 0; i < state.length; i++) {
            int r = i / size;
            int c = i % size;
            boolean inBox = r >= 1 && r <= 9 && c >= 1 && c <= 36;
            if (state[i] == 1 && inBox == inside) {
                out.add(i);
            }
        }
        return out;
    }

    private static ToroidalLife lattice(int size, String pattern, int row, int col) {
        ToroidalLife life = new ToroidalLife(size);
        life.reset(new InitialStates(size).fixed(List.of(PatternLibrary.load(pattern)), new int[] {row},
                new int[] {col}));
        return life;
    }
}
