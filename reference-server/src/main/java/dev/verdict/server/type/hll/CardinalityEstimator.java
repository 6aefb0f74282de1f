package dev.verdict.server.type.hll;

/**
 * The cardinality estimate from a register histogram, as Redis 7.0 computes it: Otmar Ertl's
 * improved raw estimator ("New cardinality estimation algorithms for HyperLogLog sketches",
 * arXiv:1702.01284), with its sigma and tau corrections for empty and saturated registers.
 */
final class CardinalityEstimator {

    /** 0.5 / ln(2): the estimator's constant for an infinite number of registers. */
    private static final double ALPHA_INF = 0.721347520444481703680;

    private CardinalityEstimator() {
    }

    static long estimate(int[] histo) {
        double m = HyperLogLog.REGISTERS;
        double z = m * tau((m - histo[HyperLogLog.Q + 1]) / m);
        for (int j = HyperLogLog.Q; j >= 1; --j) {
            z += histo[j];
            z *= 0.5;
        }
        z += m * sigma(histo[0] / m);
        // llroundl: half away from zero; the estimate is never negative.
        return Math.round(ALPHA_INF * m * m / z);
    }

    static double sigma(double x) {
        if (x == 1.0) return Double.POSITIVE_INFINITY;
        double zPrime;
        double y = 1;
        double z = x;
        do {
            x *= x;
            zPrime = z;
            z += x * y;
            y += y;
        } while (zPrime != z);
        return z;
    }

    static double tau(double x) {
        if (x == 0.0 || x == 1.0) return 0.0;
        double zPrime;
        double y = 1.0;
        double z = 1 - x;
        do {
            x = Math.sqrt(x);
            zPrime = z;
            y *= 0.5;
            z -= Math.pow(1 - x, 2) * y;
        } while (zPrime != z);
        return z / 3;
    }
}
