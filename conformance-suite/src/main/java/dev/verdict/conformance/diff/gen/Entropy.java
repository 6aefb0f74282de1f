package dev.verdict.conformance.diff.gen;

/**
 * Where the generator's choices come from: a seeded PRNG for differential runs, the fuzzer's bytes for the
 * Jazzer test. Choices only, so that both drive the same generator.
 */
public interface Entropy {

    /** A value in [0, bound). */
    int nextInt(int bound);

    /** True with the given probability in percent. */
    default boolean chance(int percent) {
        return nextInt(100) < percent;
    }

    default <T> T pick(java.util.List<T> options) {
        return options.get(nextInt(options.size()));
    }
}
