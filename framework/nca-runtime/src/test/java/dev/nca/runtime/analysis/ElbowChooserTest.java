package dev.nca.runtime.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ElbowChooserTest {

    private final ElbowChooser chooser = new ElbowChooser(new KMeans(KMeans.DEFAULT_MAX_ITERATIONS, 2));

    @Test
    void picksThreeOnThreeClearBlobs() {
        Blobs blobs = Blobs.of(3, 40, 21);

        for (int kMin : new int[] {1, 2}) {
            ElbowChooser.Scan scan = chooser.scan(blobs.flat(), blobs.points.length, 2, kMin, 8,
                    new SplittableRandom(4));

            assertThat(scan.chosen()).as("chosen from %d..8", kMin).isEqualTo(3);
            assertThat(scan.ks()).startsWith(kMin).endsWith(8);
            assertThat(scan.fit().k()).isEqualTo(3);
            assertThat(scan.inertias()[3 - kMin]).isCloseTo(blobs.inertiaAroundMeans(3), within(1e-9));
        }
    }

    @Test
    void scanIsReproducible() {
        Blobs blobs = Blobs.of(3, 20, 5);

        ElbowChooser.Scan a = chooser.scan(blobs.flat(), blobs.points.length, 2, 2, 6, new SplittableRandom(8));
        ElbowChooser.Scan b = chooser.scan(blobs.flat(), blobs.points.length, 2, 2, 6, new SplittableRandom(8));

        assertThat(b.inertias()).containsExactly(a.inertias());
        assertThat(b.fit().assignments()).containsExactly(a.fit().assignments());
    }

    @Test
    void theElbowIsThePointFarthestBelowTheChord() {
        // normalised: x = 0, .25, .5, .75, 1; y = 1, .111, .056, .022, 0; chord y = 1 - x;
        // gaps below it .639 (k = 2), .444, .228: the elbow is 2
        assertThat(ElbowChooser.elbow(new int[] {1, 2, 3, 4, 5}, new double[] {100, 20, 15, 12, 10})).isEqualTo(2);
        // a later knee: y = 1, .875, .75, .0625, 0 against the chord .75, .5, .25: only k = 6 lies below
        assertThat(ElbowChooser.elbow(new int[] {3, 4, 5, 6, 7}, new double[] {10, 9.0, 8.0, 2.5, 2.0})).isEqualTo(6);
        // uneven k spacing counts distance in k, not in index
        assertThat(ElbowChooser.elbow(new int[] {1, 2, 10}, new double[] {10, 5, 0})).isEqualTo(2);
    }

    @Test
    void withoutAnElbowTheSmallestKIsChosen() {
        assertThat(ElbowChooser.elbow(new int[] {2, 3, 4, 5}, new double[] {8, 6, 4, 2})).isEqualTo(2);
        assertThat(ElbowChooser.elbow(new int[] {2, 3, 4}, new double[] {5, 5, 5})).isEqualTo(2);
        assertThat(ElbowChooser.elbow(new int[] {2, 3, 4}, new double[] {10, 9.5, 0})).isEqualTo(2);
        assertThat(ElbowChooser.elbow(new int[] {4}, new double[] {1})).isEqualTo(4);
    }

    @Test
    void rejectsMalformedCurves() {
        assertThatThrownBy(() -> ElbowChooser.elbow(new int[] {2, 2}, new double[] {1, 0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must increase");
        assertThatThrownBy(() -> ElbowChooser.elbow(new int[] {2, 3}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ElbowChooser.elbow(new int[] {2, 3}, new double[] {1, Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("k = 3");
        assertThatThrownBy(() -> chooser.scan(new double[] {0}, 1, 1, 3, 2, new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
