package dev.verdict.conformance.diff.gen;

import java.util.SplittableRandom;

/** Entropy from a seed: the same seed gives the same sequence of choices on every machine. */
public final class SeededEntropy implements Entropy {

    private final SplittableRandom random;

    public SeededEntropy(long seed) {
        this.random = new SplittableRandom(seed);
    }

    @Override
    public int nextInt(int bound) {
        return random.nextInt(bound);
    }
}
