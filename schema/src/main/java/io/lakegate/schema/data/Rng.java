package io.lakegate.schema.data;

import java.nio.charset.StandardCharsets;

/**
 * A small, fast, seeded random source (SplitMix64) with the helpers the generators share: bounded numbers, picks,
 * UUIDs and ULIDs. Every object the generators make draws from its own {@code Rng} derived from the run's seed and
 * the object's identity ({@link #derive}), so the data does not depend on thread scheduling or generation order:
 * the same seed always gives the same rows, and any entity can be re-derived from its index alone.
 */
public final class Rng {
    private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private long state;

    public Rng(long seed) {
        this.state = mix(seed ^ 0x9E3779B97F4A7C15L);
    }

    /** A generator for one object: the seed mixed with each part of the object's identity. */
    public static Rng derive(long seed, Object... parts) {
        long h = mix(seed);
        for (Object part : parts) {
            long v;
            if (part instanceof Number n) {
                v = n.longValue();
            } else {
                v = 1125899906842597L;
                for (byte b : String.valueOf(part).getBytes(StandardCharsets.UTF_8)) {
                    v = 31 * v + b;
                }
            }
            h = mix(h ^ mix(v + 0x632BE59BD9B4E019L));
        }
        return new Rng(h);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public long nextLong() {
        state += 0x9E3779B97F4A7C15L;
        return mix(state);
    }

    /** Uniform in [0, bound). */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive");
        }
        return (int) ((nextLong() >>> 33) % bound);
    }

    /** Uniform in [min, max]. */
    public int between(int min, int max) {
        return min + nextInt(max - min + 1);
    }

    /** Uniform in [0, bound). */
    public long nextLong(long bound) {
        return (nextLong() >>> 1) % bound;
    }

    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    public boolean chance(double p) {
        return nextDouble() < p;
    }

    /** Exponentially distributed with the given mean (for waiting times). */
    public double exponential(double mean) {
        return -mean * Math.log(1 - nextDouble());
    }

    public <T> T pick(T[] values) {
        return values[nextInt(values.length)];
    }

    public <T> T pick(java.util.List<T> values) {
        return values.get(nextInt(values.size()));
    }

    /** Index drawn with the given (not necessarily normalized) weights. */
    public int weighted(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double r = nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** A random (version 4) UUID, lower case. */
    public String uuid() {
        long hi = (nextLong() & 0xFFFFFFFFFFFF0FFFL) | 0x0000000000004000L;
        long lo = (nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        char[] c = new char[36];
        int p = 0;
        for (int i = 0; i < 32; i++) {
            if (i == 8 || i == 12 || i == 16 || i == 20) {
                c[p++] = '-';
            }
            long word = i < 16 ? hi : lo;
            int shift = (15 - (i % 16)) * 4;
            c[p++] = HEX[(int) ((word >>> shift) & 0xF)];
        }
        return new String(c);
    }

    /** A ULID for {@code epochMillis}: 26 Crockford base-32 characters, the time first, so ids sort by time. */
    public String ulid(long epochMillis) {
        char[] c = new char[26];
        long time = epochMillis & 0xFFFFFFFFFFFFL;
        for (int i = 9; i >= 0; i--) {
            c[i] = CROCKFORD[(int) (time & 31)];
            time >>>= 5;
        }
        long r1 = nextLong();
        long r2 = nextLong();
        // 80 random bits: 16 characters of 5 bits
        for (int i = 0; i < 16; i++) {
            long source = i < 12 ? r1 >>> (i * 5) : r2 >>> ((i - 12) * 5);
            c[10 + i] = CROCKFORD[(int) (source & 31)];
        }
        return new String(c);
    }
}
