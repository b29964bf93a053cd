package dev.nca.plugins.dataset.life;

import static dev.nca.plugins.dataset.life.Pictures.cells;
import static dev.nca.plugins.dataset.life.Pictures.picture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ToroidalLifeTest {

    private static byte[] run(byte[] start, int generations) {
        ToroidalLife life = new ToroidalLife((int) Math.round(Math.sqrt(start.length)));
        life.reset(start);
        life.advance(generations);
        return life.state();
    }

    private static void assertState(byte[] actual, byte[] expected) {
        assertThat(picture(actual)).isEqualTo(picture(expected));
    }

    @Test
    void tinyTorusOneGenerationWorkedByHand() {
        // neighbour counts on the 5x5 torus, worked out by hand (row sums of 3-wide windows, then
        // column sums, minus the cell): 3 3 1 1 2 / 4 3 3 2 2 / 2 2 2 1 0 / 2 3 2 1 1 / 2 2 0 1 3
        byte[] start = cells(
                "O...O",
                ".O...",
                ".OO..",
                ".....",
                "O....");
        byte[] expected = cells(
                "OO..O",
                ".OO..",
                ".OO..",
                ".O...",
                "O...O");
        assertState(run(start, 1), expected);
    }

    @Test
    void blockIsAStillLife() {
        byte[] block = cells(
                "......",
                "......",
                "..OO..",
                "..OO..",
                "......",
                "......");
        for (int g = 1; g <= 3; g++) {
            assertState(run(block, g), block);
        }
    }

    @Test
    void blinkerHasPeriodTwo() {
        byte[] horizontal = cells(
                ".....",
                ".....",
                ".OOO.",
                ".....",
                ".....");
        byte[] vertical = cells(
                ".....",
                "..O..",
                "..O..",
                "..O..",
                ".....");
        assertState(run(horizontal, 1), vertical);
        assertState(run(horizontal, 2), horizontal);
        assertState(run(horizontal, 7), vertical);
    }

    @Test
    void gliderPhasesAndDisplacementByOneOneAfterFourGenerations() {
        byte[] g0 = cells(
                "........",
                "..O.....",
                "...O....",
                ".OOO....",
                "........",
                "........",
                "........",
                "........");
        byte[] g1 = cells(
                "........",
                "........",
                ".O.O....",
                "..OO....",
                "..O.....",
                "........",
                "........",
                "........");
        byte[] g4 = cells(
                "........",
                "........",
                "...O....",
                "....O...",
                "..OOO...",
                "........",
                "........",
                "........");
        assertState(run(g0, 1), g1);
        assertState(run(g0, 4), g4);
    }

    @Test
    void gliderWrapsAroundTheCornerOfTheTorus() {
        byte[] start = cells(
                "......",
                "......",
                "......",
                "....O.",
                ".....O",
                "...OOO");
        // the same glider one cell down and right, split over all four edges
        byte[] shifted = cells(
                "O...OO",
                "......",
                "......",
                "......",
                ".....O",
                "O.....");
        assertState(run(start, 4), shifted);
        // after 6 displacements of (1, 1) the glider is back where it started
        assertState(run(start, 24), start);
    }

    @Test
    void blinkerAcrossTheEdgeOscillatesAcrossTheEdge() {
        byte[] horizontal = cells(
                "OO..O",
                ".....",
                ".....",
                ".....",
                ".....");
        byte[] vertical = cells(
                "O....",
                "O....",
                ".....",
                ".....",
                "O....");
        assertState(run(horizontal, 1), vertical);
        assertState(run(horizontal, 2), horizontal);
    }

    @Test
    void lightweightSpaceshipMovesTwoCellsLeftEveryFourGenerations() {
        byte[] start = cells(
                "..........",
                "..........",
                "..........",
                "......O..O",
                ".....O....",
                ".....O...O",
                ".....OOOO.",
                "..........",
                "..........",
                "..........");
        byte[] moved = cells(
                "..........",
                "..........",
                "..........",
                "....O..O..",
                "...O......",
                "...O...O..",
                "...OOOO...",
                "..........",
                "..........",
                "..........");
        assertState(run(start, 4), moved);
    }

    @Test
    void agreesWithTheReferenceRuleOnRandomSoups() {
        SplittableRandom rng = new SplittableRandom(11);
        for (int size : new int[] {3, 4, 7, 16}) {
            byte[] state = new byte[size * size];
            for (int i = 0; i < state.length; i++) {
                state[i] = (byte) (rng.nextDouble() < 0.4 ? 1 : 0);
            }
            ToroidalLife life = new ToroidalLife(size);
            life.reset(state);
            byte[] expected = state;
            for (int g = 0; g < 25; g++) {
                life.advance(1);
                expected = Pictures.referenceStep(expected);
                assertThat(picture(life.state())).as("size %d generation %d", size, g + 1).isEqualTo(picture(expected));
            }
        }
    }

    @Test
    void populationAndCopyReportTheState() {
        byte[] start = cells("O..", ".O.", "..O");
        ToroidalLife life = new ToroidalLife(3);
        life.reset(start);
        assertThat(life.population()).isEqualTo(3);
        assertThat(life.alive(1, 1)).isTrue();
        assertThat(life.alive(0, 1)).isFalse();
        float[] dest = new float[11];
        life.copyTo(dest, 2);
        assertThat(dest).containsExactly(0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1);
    }

    @Test
    void rejectsStatesThatAreNotZeroOrOne() {
        ToroidalLife life = new ToroidalLife(2);
        assertThatThrownBy(() -> life.reset(new byte[] {0, 2, 0, 0})).hasMessageContaining("cells must be 0 or 1");
        assertThatThrownBy(() -> life.reset(new byte[3])).hasMessageContaining("4 cells");
    }
}
