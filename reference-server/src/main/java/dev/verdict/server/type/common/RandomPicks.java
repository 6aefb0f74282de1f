package dev.verdict.server.type.common;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Which elements HRANDFIELD, SRANDMEMBER and ZRANDMEMBER return for a count: with repetition
 * for a negative count, everything (in iteration order) when the count covers the collection,
 * else a random subset of distinct elements.
 */
public final class RandomPicks {

    private RandomPicks() {
    }

    /** Indexes into a collection of {@code size} elements for Redis's count semantics. */
    public static int[] pick(int size, long count) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        if (count < 0) {
            long n = -count;
            int[] out = new int[(int) Math.min(n, Integer.MAX_VALUE - 8)];
            for (int i = 0; i < out.length; i++) out[i] = random.nextInt(size);
            return out;
        }
        if (count >= size) {
            int[] out = new int[size];
            for (int i = 0; i < size; i++) out[i] = i;
            return out;
        }
        List<Integer> all = new ArrayList<>(size);
        for (int i = 0; i < size; i++) all.add(i);
        Collections.shuffle(all, random);
        int[] out = new int[(int) count];
        for (int i = 0; i < out.length; i++) out[i] = all.get(i);
        return out;
    }

    /** One random index. */
    public static int one(int size) {
        return ThreadLocalRandom.current().nextInt(size);
    }
}
