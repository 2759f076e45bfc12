package com.cogov.api.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The distinct-buyer estimate merged rows report, and the error bound docs/statistics.md states for it. */
class BuyerSketchTest {

    private final Random random = new Random(20261203);

    @Test
    void aSmallSetIsCountedWithinABuyerAndStaysSparse() {
        BuyerSketch sketch = new BuyerSketch();
        for (int i = 0; i < 50; i++) {
            String buyer = buyer();
            sketch.add(buyer);
            sketch.add(buyer); // the same buyer twice counts once
        }
        assertThat(sketch.estimate()).isBetween(49L, 51L);
        assertThat(sketch.bytes()).hasSizeLessThan(200);
        assertThat(BuyerSketch.of(sketch.bytes()).estimate()).isEqualTo(sketch.estimate());
    }

    @Test
    void aLargeUnionIsEstimatedWithinTheStatedBound() {
        BuyerSketch monday = new BuyerSketch();
        BuyerSketch tuesday = new BuyerSketch();
        for (int i = 0; i < 60_000; i++) {
            String buyer = buyer();
            monday.add(buyer);
            if (i % 2 == 0) {
                tuesday.add(buyer); // half of them came back
            }
        }
        for (int i = 0; i < 40_000; i++) {
            tuesday.add(buyer());
        }
        BuyerSketch week = BuyerSketch.of(monday.bytes());
        week.merge(tuesday.bytes());
        assertThat((double) week.estimate()).isCloseTo(100_000, within(3_300.0));
        assertThat(week.bytes()).hasSize(1 + 4096);
    }

    @Test
    void anIndexThatIsNotHexadecimalIsStillCounted() {
        BuyerSketch sketch = new BuyerSketch();
        sketch.add("not a blind index");
        assertThat(sketch.estimate()).isEqualTo(1);
    }

    private String buyer() {
        byte[] index = new byte[32];
        random.nextBytes(index);
        return HexFormat.of().formatHex(index);
    }
}
