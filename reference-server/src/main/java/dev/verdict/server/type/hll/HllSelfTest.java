package dev.verdict.server.type.hll;

import dev.verdict.server.client.Client;

import java.util.concurrent.ThreadLocalRandom;

/**
 * PFSELFTEST: checks the dense register packing with random values, then that the sparse and
 * dense representations agree and stay within six standard errors up to 10 million elements.
 */
final class HllSelfTest {

    private static final int REGISTER_CYCLES = 1000;

    private HllSelfTest() {
    }

    static void run(Client client) {
        String failure = registerPacking();
        if (failure == null) failure = approximation(client.server().config().getInt("hll-sparse-max-bytes"));
        if (failure == null) client.reply().ok();
        else client.reply().error("TESTFAILED " + failure);
    }

    private static String registerPacking() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        byte[] dense = new byte[HyperLogLog.DENSE_SIZE];
        int[] expected = new int[HyperLogLog.REGISTERS];
        for (int cycle = 0; cycle < REGISTER_CYCLES; cycle++) {
            for (int i = 0; i < HyperLogLog.REGISTERS; i++) {
                expected[i] = random.nextInt(HyperLogLog.REGISTER_MAX + 1);
                DenseRegisters.set(dense, i, expected[i]);
            }
            for (int i = 0; i < HyperLogLog.REGISTERS; i++) {
                int got = DenseRegisters.get(dense, i);
                if (got != expected[i]) return "Register error at index " + i + ": " + got + " instead of " + expected[i];
            }
        }
        return null;
    }

    private static String approximation(int sparseMaxBytes) {
        HyperLogLog dense = HyperLogLog.create();
        dense.toDense();
        HyperLogLog mixed = HyperLogLog.create();
        double relativeError = 1.04 / Math.sqrt(HyperLogLog.REGISTERS);
        long seed = ThreadLocalRandom.current().nextLong();
        long checkpoint = 1;
        byte[] element = new byte[8];
        for (long j = 1; j <= 10_000_000L; j++) {
            long ele = j ^ seed;
            for (int b = 0; b < 8; b++) element[b] = (byte) (ele >>> (8 * b));
            dense.add(element, sparseMaxBytes);
            mixed.add(element, sparseMaxBytes);
            if (j != checkpoint) continue;
            if (j < sparseMaxBytes / 2 && !mixed.isSparse()) return "sparse encoding not used";
            long card = dense.count();
            if (card != mixed.count()) return "dense/sparse disagree";
            long maxError = (long) Math.ceil(relativeError * 6 * checkpoint);
            if (j == 10) maxError = 1;
            long absError = Math.abs(checkpoint - card);
            if (absError > maxError) return "Too big error. card:" + checkpoint + " abserr:" + absError;
            checkpoint *= 10;
        }
        return null;
    }
}
