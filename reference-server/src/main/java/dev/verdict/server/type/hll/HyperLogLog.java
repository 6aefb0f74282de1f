package dev.verdict.server.type.hll;

/**
 * Redis's HyperLogLog as a string value (hyperloglog.c): a 16-byte header ({@code "HYLL"},
 * encoding byte, three unused bytes, the cached cardinality as 8 bytes little-endian whose last
 * byte's top bit marks it invalid) followed by sparse or dense registers. This is the type API
 * the commands use; every method works on the exact bytes GET returns.
 */
public final class HyperLogLog {

    static final int P = 14;
    static final int Q = 64 - P;
    static final int REGISTERS = 1 << P;
    static final int BITS = 6;
    static final int REGISTER_MAX = (1 << BITS) - 1;
    static final int HEADER_SIZE = 16;
    static final int DENSE_SIZE = HEADER_SIZE + (REGISTERS * BITS + 7) / 8;
    static final byte DENSE = 0;
    static final byte SPARSE = 1;
    private static final int SEED = 0xadc83b19;

    private byte[] bytes;

    private HyperLogLog(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A new, empty, sparse HLL with a valid cached cardinality of 0. */
    public static HyperLogLog create() {
        return new HyperLogLog(SparseRegisters.empty());
    }

    /** Wraps a copy of {@code value} when it is a well-formed HLL header; null otherwise. */
    public static HyperLogLog parse(byte[] value) {
        if (!isValid(value)) return null;
        return new HyperLogLog(value.clone());
    }

    /** Redis's isHLLObjectOrReply checks: magic, known encoding, exact size when dense. */
    public static boolean isValid(byte[] value) {
        if (value.length < HEADER_SIZE) return false;
        if (value[0] != 'H' || value[1] != 'Y' || value[2] != 'L' || value[3] != 'L') return false;
        if (value[4] != DENSE && value[4] != SPARSE) return false;
        return value[4] != DENSE || value.length == DENSE_SIZE;
    }

    static void writeHeader(byte[] hll, byte encoding) {
        hll[0] = 'H';
        hll[1] = 'Y';
        hll[2] = 'L';
        hll[3] = 'L';
        hll[4] = encoding;
    }

    /** The current bytes (what GET returns); callers must not modify them. */
    public byte[] bytes() {
        return bytes;
    }

    public boolean isSparse() {
        return bytes[4] == SPARSE;
    }

    /**
     * Adds an element (hllAdd): 1 when a register changed, 0 when not, -1 when the value is
     * corrupt. A sparse HLL turns dense when a run length exceeds 32 or it would outgrow
     * {@code sparseMaxBytes}.
     */
    public int add(byte[] element, int sparseMaxBytes) {
        long hash = MurmurHash64A.hash(element, SEED);
        int index = (int) (hash & (REGISTERS - 1));
        hash >>>= P;
        hash |= 1L << Q;
        int count = 1;
        long bit = 1;
        while ((hash & bit) == 0) {
            count++;
            bit <<= 1;
        }
        return set(index, count, sparseMaxBytes);
    }

    /** Raises one register; same result codes as {@link #add}. */
    int set(int index, int count, int sparseMaxBytes) {
        if (!isSparse()) return DenseRegisters.raise(bytes, index, count) ? 1 : 0;
        SparseRegisters.Update update = SparseRegisters.set(bytes, index, count, sparseMaxBytes);
        if (update == null) return -1;
        if (update.promote()) {
            if (!toDense()) return -1;
            return DenseRegisters.raise(bytes, index, count) ? 1 : 0;
        }
        bytes = update.hll();
        if (update.changed()) invalidateCache();
        return update.changed() ? 1 : 0;
    }

    /** Converts to dense (hllSparseToDense); false when the sparse form is corrupt. */
    public boolean toDense() {
        if (!isSparse()) return true;
        byte[] dense = SparseRegisters.toDense(bytes);
        if (dense == null) return false;
        bytes = dense;
        return true;
    }

    public void invalidateCache() {
        bytes[15] |= (byte) 0x80;
    }

    public boolean cacheValid() {
        return (bytes[15] & 0x80) == 0;
    }

    public long cachedCardinality() {
        long card = 0;
        for (int i = 7; i >= 0; i--) card = (card << 8) | (bytes[8 + i] & 0xff);
        return card;
    }

    public void cacheCardinality(long card) {
        for (int i = 0; i < 8; i++) bytes[8 + i] = (byte) (card >>> (8 * i));
    }

    /** The estimated cardinality of this HLL alone, or -1 when its registers are corrupt. */
    public long count() {
        int[] histo = new int[64];
        if (isSparse()) {
            if (!SparseRegisters.histogram(bytes, histo)) return -1;
        } else {
            DenseRegisters.histogram(bytes, histo);
        }
        return CardinalityEstimator.estimate(histo);
    }

    /** max[i] = max(max[i], register i) over the 16384 registers; false when corrupt. */
    public boolean mergeInto(byte[] max) {
        if (isSparse()) return SparseRegisters.mergeInto(bytes, max);
        DenseRegisters.mergeInto(bytes, max);
        return true;
    }

    /**
     * Raises every register to at least {@code max[i]} (PFMERGE's write into the destination),
     * switching to dense first when {@code dense}; false when corrupt.
     */
    public boolean raiseAll(byte[] max, boolean dense, int sparseMaxBytes) {
        if (dense && !toDense()) return false;
        for (int j = 0; j < max.length; j++) {
            if (max[j] != 0 && set(j, max[j], sparseMaxBytes) < 0) return false;
        }
        invalidateCache();
        return true;
    }

    /** The cardinality of a bare register array (PFCOUNT of several keys). */
    public static long count(byte[] registers) {
        int[] histo = new int[64];
        for (byte r : registers) histo[r]++;
        return CardinalityEstimator.estimate(histo);
    }

    /** Every register's value (PFDEBUG GETREG), read through a dense copy when sparse; null when corrupt. */
    public int[] registers() {
        byte[] dense = isSparse() ? SparseRegisters.toDense(bytes) : bytes;
        if (dense == null) return null;
        int[] out = new int[REGISTERS];
        for (int i = 0; i < REGISTERS; i++) out[i] = DenseRegisters.get(dense, i);
        return out;
    }

    /** PFDEBUG DECODE's text for a sparse HLL. */
    public String decodeSparse() {
        return SparseRegisters.decode(bytes);
    }

    public static int registerCount() {
        return REGISTERS;
    }
}
