package dev.nca.plugins.dataset.life;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nca.api.NcaException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RleReaderTest {

    private static LifePattern parse(String text) {
        return RleReader.parse("test.rle", text);
    }

    @Test
    void readsCommentsMultiLineBodiesRunCountsAndBlankRows() {
        String text = """
                #N Three blocks and a cell; row 1 continues over two lines
                #C a comment line
                x = 7, y = 5, rule = B3/S23
                2o3b
                2o$2o3b2o
                $
                # comment inside the body
                5b2o2$3b
                o!
                anything after the end is ignored: $$$ zzz
                """;
        LifePattern p = parse(text);
        assertThat(p.width()).isEqualTo(7);
        assertThat(p.height()).isEqualTo(5);
        assertThat(Pictures.rows(p)).containsExactly(
                "OO...OO",
                "OO...OO",
                ".....OO",
                ".......",
                "...O...");
    }

    @Test
    void ruleIsOptionalAndAcceptsTheOldNotationAndAnyCase() {
        for (String header : new String[] {"x = 3, y = 1", "x=3,y=1,rule=b3/s23", "x = 3, y = 1, rule = 23/3",
                "  X = 3 , Y = 1 , RULE = B3/S23  "}) {
            assertThat(Pictures.rows(parse(header + "\n3o!\n"))).as(header).containsExactly("OOO");
        }
    }

    @Test
    void trailingDeadCellsAndRowsMayBeLeftOut() {
        assertThat(Pictures.rows(parse("x = 4, y = 3\nbo!"))).containsExactly(".O..", "....", "....");
    }

    @Test
    void badRuleIsRejected() {
        assertRejected("#N HighLife\nx = 3, y = 1, rule = B36/S23\n3o!", "test.rle line 2", "rule 'B36/S23'",
                "Conway's Life only");
    }

    @Test
    void patternLargerThanItsHeaderIsRejected() {
        assertRejected("x = 3, y = 2\n4o$3o!", "test.rle line 2, column 2", "larger than its header",
                "row 1 has 4 cells but x = 3");
        assertRejected("x = 3, y = 2\n3o$3o$\no!", "test.rle line 3, column 1", "larger than its header",
                "cells in row 3 but y = 2");
        assertRejected("x = 2, y = 1\nobob!", "test.rle line 2, column 3", "row 1 has 3 cells but x = 2");
    }

    @Test
    void unknownTagIsRejectedWithLineAndColumn() {
        assertRejected("x = 3, y = 2\n3o$\nb2A!", "test.rle line 3, column 3", "unknown tag 'A'");
        assertRejected("x = 3, y = 1\n2o.!", "test.rle line 2, column 3", "unknown tag '.'");
    }

    @Test
    void missingEndMarkIsRejected() {
        assertRejected("#C no end\nx = 3, y = 2\n3o$\n3o\n\n", "test.rle line 4", "without '!'");
    }

    @Test
    void badHeadersAreRejected() {
        assertRejected("#C only comments\n\n", "test.rle", "no header line");
        assertRejected("x = 3\n3o!", "test.rle line 1", "bad header", "both x and y");
        assertRejected("x = three, y = 1\n3o!", "test.rle line 1", "x = 'three' is not an integer");
        assertRejected("x = 0, y = 1\n!", "test.rle line 1", "x = 0 is outside 1..4096");
        assertRejected("x = 3, y = 1, speed = 2\n3o!", "test.rle line 1", "unknown header key 'speed'");
        assertRejected("3o!\n", "test.rle line 1", "bad header");
    }

    @Test
    void runCountBeforeTheEndIsRejected() {
        assertRejected("x = 3, y = 1\n3o2!", "test.rle line 2, column 4", "run count before '!'");
    }

    @Test
    void loadsFilesByPathAndNamesThemInErrors(@TempDir Path dir) throws IOException {
        Path good = dir.resolve("diagonal.rle");
        Files.writeString(good, "#N diagonal\nx = 2, y = 2, rule = B3/S23\no$bo!\n");
        LifePattern p = PatternLibrary.load(good.toString());
        assertThat(p.name()).isEqualTo(good.toString());
        assertThat(Pictures.rows(p)).containsExactly("O.", ".O");

        Path bad = dir.resolve("bad.rle");
        Files.writeString(bad, "x = 2, y = 2\no$bo\n");
        assertThatThrownBy(() -> PatternLibrary.load(bad.toString()))
                .isInstanceOf(NcaException.class)
                .hasMessageContaining("RLE pattern file " + bad + " line 2")
                .hasMessageContaining("without '!'");

        Path missing = dir.resolve("missing.rle");
        assertThatThrownBy(() -> PatternLibrary.load(missing.toString()))
                .isInstanceOf(NcaException.class)
                .hasMessageContaining("RLE pattern file " + missing + " does not exist");
    }

    @Test
    void unknownBuiltInNameIsRejected() {
        assertThatThrownBy(() -> PatternLibrary.load("glidr"))
                .isInstanceOf(NcaException.class)
                .hasMessageContaining("unknown Life pattern \"glidr\"")
                .hasMessageContaining("glider");
    }

    @Test
    void orientationsAreTheEightSymmetriesOfTheSquare() {
        LifePattern l = parse("x = 2, y = 3\no$o$2o!");
        assertThat(Pictures.rows(l.oriented(0))).containsExactly("O.", "O.", "OO");
        assertThat(Pictures.rows(l.oriented(1))).containsExactly(".O", ".O", "OO");
        assertThat(Pictures.rows(l.oriented(2))).containsExactly("OO", "O.", "O.");
        assertThat(Pictures.rows(l.oriented(4))).containsExactly("OOO", "..O");
        assertThat(Pictures.rows(l.oriented(7))).containsExactly("O..", "OOO");
    }

    private static void assertRejected(String text, String... fragments) {
        assertThatThrownBy(() -> parse(text))
                .isInstanceOf(NcaException.class)
                .satisfies(e -> {
                    for (String f : fragments) {
                        assertThat(e.getMessage()).contains(f);
                    }
                });
    }
}
