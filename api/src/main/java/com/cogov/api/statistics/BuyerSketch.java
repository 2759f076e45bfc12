package com.cogov.api.statistics;

import com.cogov.api.shared.Digests;
import io.micronaut.core.annotation.Nullable;
import java.nio.ByteBuffer;

/**
 * A HyperLogLog sketch of buyers (Flajolet et al. 2007, with linear counting for small sets): distinct buyers are not
 * additive across days or districts, and an exact union over a year of a city is a scan of every sale, so merged rows
 * are estimated. 4,096 registers: a standard error of 1.04/√4096 ≈ 1.6 % (within ±3.3 % 95 times in 100); below a
 * few hundred buyers linear counting is within a buyer or two. Apache DataSketches does not resolve here, and the
 * algorithm is forty lines. The buyer's blind index (HMAC-SM3, uniformly random) is its own hash.
 *
 * <p>Stored sparse (3 bytes per register set) while that is smaller than the 4,096 dense bytes: a pharmacy's day is
 * a few hundred bytes, a district's day 4 KB.
 */
final class BuyerSketch {

    private static final int P = 12;
    private static final int M = 1 << P;
    private static final byte SPARSE = 0;
    private static final byte DENSE = 1;

    private final byte[] registers = new byte[M];

    static BuyerSketch of(@Nullable byte[] stored) {
        BuyerSketch sketch = new BuyerSketch();
        if (stored != null && stored.length > 0) {
            sketch.merge(stored);
        }
        return sketch;
    }

    /** @param buyerIndex the buyer's blind index, hexadecimal */
    void add(String buyerIndex) {
        long hash = hash(buyerIndex);
        int register = (int) (hash >>> (64 - P));
        long rest = hash << P;
        int rank = rest == 0 ? 64 - P + 1 : Long.numberOfLeadingZeros(rest) + 1;
        if (rank > registers[register]) {
            registers[register] = (byte) rank;
        }
    }

    /** The blind index's first 64 bits; anything else (never written by the app) through SHA-256, never a failure. */
    private static long hash(String buyerIndex) {
        if (buyerIndex.length() >= 16) {
            try {
                return Long.parseUnsignedLong(buyerIndex.substring(0, 16), 16);
            } catch (NumberFormatException notHex) {
                // hashed below
            }
        }
        return Long.parseUnsignedLong(Digests.sha256Hex(buyerIndex).substring(0, 16), 16);
    }

    void merge(BuyerSketch other) {
        for (int i = 0; i < M; i++) {
            if (other.registers[i] > registers[i]) {
                registers[i] = other.registers[i];
            }
        }
    }

    void merge(byte[] stored) {
        ByteBuffer in = ByteBuffer.wrap(stored);
        if (in.get() == DENSE) {
            for (int i = 0; i < M; i++) {
                registers[i] = (byte) Math.max(registers[i], in.get());
            }
            return;
        }
        while (in.remaining() >= 3) {
            int register = in.getShort() & 0xFFFF;
            registers[register] = (byte) Math.max(registers[register], in.get());
        }
    }

    long estimate() {
        double sum = 0;
        int zeros = 0;
        for (byte r : registers) {
            sum += 1.0 / (1L << r);
            if (r == 0) {
                zeros++;
            }
        }
        double alpha = 0.7213 / (1 + 1.079 / M);
        double raw = alpha * M * M / sum;
        if (raw <= 2.5 * M && zeros > 0) {
            return Math.round(M * Math.log((double) M / zeros)); // linear counting
        }
        return Math.round(raw);
    }

    byte[] bytes() {
        int set = 0;
        for (byte r : registers) {
            if (r != 0) {
                set++;
            }
        }
        if (3 * set < M) {
            ByteBuffer out = ByteBuffer.allocate(1 + 3 * set).put(SPARSE);
            for (int i = 0; i < M; i++) {
                if (registers[i] != 0) {
                    out.putShort((short) i).put(registers[i]);
                }
            }
            return out.array();
        }
        return ByteBuffer.allocate(1 + M).put(DENSE).put(registers).array();
    }
}
