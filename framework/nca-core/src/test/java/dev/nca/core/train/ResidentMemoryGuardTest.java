package dev.nca.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ResidentMemoryGuardTest {

    private final AtomicLong resident = new AtomicLong();
    private final AtomicLong clock = new AtomicLong();
    private final AtomicInteger gcs = new AtomicInteger();

    private ResidentMemoryGuard guard(long threshold, long interval) {
        return new ResidentMemoryGuard(threshold, interval, resident::get, clock::get, gcs::incrementAndGet);
    }

    @Test
    void collectsOnlyAboveTheThresholdAndAtMostOncePerInterval() {
        ResidentMemoryGuard guard = guard(1000, 50);
        resident.set(1000);
        assertThat(guard.afterEpoch()).as("at the threshold").isFalse();
        resident.set(1001);
        clock.set(7);
        assertThat(guard.afterEpoch()).isTrue();
        clock.set(56);
        assertThat(guard.afterEpoch()).as("49 ns later").isFalse();
        clock.set(57);
        assertThat(guard.afterEpoch()).as("50 ns later").isTrue();
        resident.set(10);
        clock.set(1000);
        assertThat(guard.afterEpoch()).as("below again").isFalse();
        assertThat(gcs.get()).isEqualTo(2);
        assertThat(guard.collections()).isEqualTo(2);
    }

    @Test
    void theFirstCollectionNeedsNoWaitEvenAtTimeZeroOrNegativeClocks() {
        ResidentMemoryGuard guard = guard(1, 1_000_000);
        resident.set(5);
        clock.set(Long.MIN_VALUE + 3);
        assertThat(guard.afterEpoch()).isTrue();
    }

    @Test
    void zeroDisablesAndAnUnknownSizeDoesNothing() {
        resident.set(Long.MAX_VALUE);
        assertThat(guard(0, 0).afterEpoch()).isFalse();
        resident.set(-1);
        assertThat(guard(1, 0).afterEpoch()).isFalse();
        assertThat(gcs.get()).isZero();
    }

    @Test
    void sizesAreReadWithBinaryUnits() {
        assertThat(ResidentMemoryGuard.parseBytes("4g")).isEqualTo(4L << 30);
        assertThat(ResidentMemoryGuard.parseBytes("512M")).isEqualTo(512L << 20);
        assertThat(ResidentMemoryGuard.parseBytes("3k")).isEqualTo(3072);
        assertThat(ResidentMemoryGuard.parseBytes("1t")).isEqualTo(1L << 40);
        assertThat(ResidentMemoryGuard.parseBytes("12345")).isEqualTo(12345);
        assertThat(ResidentMemoryGuard.parseBytes("0")).isZero();
        for (String bad : new String[] {"", "g", "4.5g", "-1", "4gb", "lots", "9999999999999g", "999999999999t"}) {
            assertThatThrownBy(() -> ResidentMemoryGuard.parseBytes(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("nca.gc.rss (NCA_GC_RSS) is '" + bad + "'");
        }
    }

    @Test
    void negativeSettingsAreRejected() {
        assertThatThrownBy(() -> guard(-1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> guard(1, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
