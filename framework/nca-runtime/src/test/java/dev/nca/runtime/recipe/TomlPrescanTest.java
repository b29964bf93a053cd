package dev.nca.runtime.recipe;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.moandjiezana.toml.Toml;
import dev.nca.api.NcaException;
import org.junit.jupiter.api.Test;

class TomlPrescanTest {

    private static void ok(String text) {
        assertThatCode(() -> TomlPrescan.check(text, "f.toml")).doesNotThrowAnyException();
        assertThatCode(() -> new Toml().read(text)).doesNotThrowAnyException(); // the fixture is valid TOML
    }

    @Test
    void ignoresNumbersInStringsCommentsKeysAndDates() {
        ok("""
                [t]
                a = "99999999999999999999 \\" = 99999999999999999999"
                b = 'C:\\dir\\99999999999999999999'
                c = \"\"\"
                x = 99999999999999999999
                \"\"\"
                d = '''
                99999999999999999999'''
                e = 1979-05-27T07:32:00Z
                f = 1.5e300 # 99999999999999999999
                g = -9_223_372_036_854_775_808
                h = { i = 1, j = "k" }
                """);
    }

    @Test
    void findsOverflowInsideArraysSpanningLines() {
        assertThatThrownBy(() -> TomlPrescan.check("[t.params]\nlist = [\n  1,\n  -9223372036854775809,\n]\n", "f.toml"))
                .isInstanceOf(NcaException.class)
                .hasMessage("f.toml line 4 [t.params]: key 'list' has value -9223372036854775809; allowed: integers"
                        + " from -9223372036854775808 to 9223372036854775807 (64 bits)");
    }

    @Test
    void findsKeysWithoutValueButNotMultiLineValues() {
        assertThatThrownBy(() -> TomlPrescan.check("[a]\nx = 1\ny =\nz = 2\n", "f.toml"))
                .hasMessage("f.toml line 3 [a]: key 'y' has no value; allowed: a TOML value after '='");
        ok("[a]\nx = [\n 1, 2\n]\ny = \"\"\"\nline\"\"\"\n");
    }
}
