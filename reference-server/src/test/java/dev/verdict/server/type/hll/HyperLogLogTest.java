package dev.verdict.server.type.hll;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HLL type API against bytes captured from real Redis 7.0.15 for the same inserts
 * (resources/hll/redis-7.0.15-golden.txt): same sparse and dense bytes, same cardinalities.
 */
class HyperLogLogTest {

    private static final int SPARSE_MAX = 3000;
    private static final Map<String, String> GOLDEN = loadGolden();

    private static Map<String, String> loadGolden() {
        Map<String, String> golden = new LinkedHashMap<>();
        try (InputStream in = HyperLogLogTest.class.getResourceAsStream("/hll/redis-7.0.15-golden.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) continue;
                int space = line.indexOf(' ');
                golden.put(line.substring(0, space), line.substring(space + 1));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return golden;
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void add(HyperLogLog hll, String... elements) {
        for (String e : elements) assertThat(hll.add(b(e), SPARSE_MAX)).isNotNegative();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)) + " " + bytes.length;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What PFCOUNT does to a single key: answer and cache the estimate. */
    private static long pfcount(HyperLogLog hll) {
        if (hll.cacheValid()) return hll.cachedCardinality();
        long card = hll.count();
        hll.cacheCardinality(card);
        return card;
    }

    private static HyperLogLog medium() {
        HyperLogLog hll = HyperLogLog.create();
        for (int j = 0; j < 1500; j++) add(hll, "m" + j);
        hll.invalidateCache();
        return hll;
    }

    private static HyperLogLog large() {
        HyperLogLog hll = HyperLogLog.create();
        for (int j = 0; j < 50000; j++) add(hll, Integer.toString(j));
        hll.invalidateCache();
        return hll;
    }

    @Test
    void emptyHllIsOneXzeroOpcodeWithValidZeroCache() {
        HyperLogLog hll = HyperLogLog.create();
        assertThat(HexFormat.of().formatHex(hll.bytes())).isEqualTo("48594c4c0100000000000000000000007fff");
        assertThat(hll.count()).isZero();
    }

    @Test
    void smallSetHasRedisSparseBytesBeforeAndAfterCachingItsCount() {
        HyperLogLog hll = HyperLogLog.create();
        add(hll, "a", "b", "c", "d", "e", "f", "g");
        hll.invalidateCache();
        assertThat(HexFormat.of().formatHex(hll.bytes())).isEqualTo(GOLDEN.get("small-after-add"));
        assertThat(pfcount(hll)).isEqualTo(Long.parseLong(GOLDEN.get("small-count")));
        assertThat(HexFormat.of().formatHex(hll.bytes())).isEqualTo(GOLDEN.get("small-after-count"));
        assertThat(hll.decodeSparse()).startsWith("Z:");
    }

    @Test
    void mediumSetStaysSparseWithRedisBytes() {
        HyperLogLog hll = medium();
        assertThat(hll.isSparse()).isEqualTo(GOLDEN.get("medium-encoding").equals("sparse"));
        assertThat(sha256(hll.bytes())).isEqualTo(GOLDEN.get("medium-sha256"));
        assertThat(pfcount(hll)).isEqualTo(Long.parseLong(GOLDEN.get("medium-count")));
    }

    @Test
    void largeSetIsPromotedToDenseWithRedisBytes() {
        HyperLogLog hll = large();
        assertThat(hll.isSparse()).isFalse();
        assertThat(sha256(hll.bytes())).isEqualTo(GOLDEN.get("large-sha256"));
        assertThat(pfcount(hll)).isEqualTo(Long.parseLong(GOLDEN.get("large-count")));
    }

    @Test
    void mergeKeepsSparseWhenEverySourceIsSparseAndGoesDenseOtherwise() {
        HyperLogLog small = HyperLogLog.create();
        add(small, "a", "b", "c", "d", "e", "f", "g");
        assertMerge(small, medium(), "merged-sparse");
        assertMerge(small, large(), "merged-dense");
    }

    private static void assertMerge(HyperLogLog first, HyperLogLog second, String golden) {
        byte[] max = new byte[HyperLogLog.registerCount()];
        assertThat(first.mergeInto(max)).isTrue();
        assertThat(second.mergeInto(max)).isTrue();
        HyperLogLog target = HyperLogLog.create();
        assertThat(target.raiseAll(max, !first.isSparse() || !second.isSparse(), SPARSE_MAX)).isTrue();
        assertThat(sha256(target.bytes())).isEqualTo(GOLDEN.get(golden + "-sha256"));
        assertThat(pfcount(target)).isEqualTo(Long.parseLong(GOLDEN.get(golden + "-count")));
    }

    @Test
    void registerAbove32ForcesDenseEvenWhenSmall() {
        HyperLogLog hll = HyperLogLog.create();
        assertThat(hll.set(5, 33, SPARSE_MAX)).isEqualTo(1);
        assertThat(hll.isSparse()).isFalse();
        assertThat(hll.registers()[5]).isEqualTo(33);
    }

    @Test
    void sparseAndDenseHoldTheSameRegistersForTheSameInserts() {
        java.util.Random random = new java.util.Random(42);
        HyperLogLog sparse = HyperLogLog.create();
        HyperLogLog dense = HyperLogLog.create();
        dense.toDense();
        for (int i = 0; i < 3000; i++) {
            byte[] element = Long.toString(random.nextLong()).getBytes(StandardCharsets.US_ASCII);
            int a = sparse.add(element, 1_000_000);
            int c = dense.add(element, 1_000_000);
            assertThat(a).as("insert %d changes the same registers", i).isEqualTo(c);
        }
        assertThat(sparse.isSparse()).isTrue();
        assertThat(sparse.registers()).isEqualTo(dense.registers());
        assertThat(sparse.count()).isEqualTo(dense.count());
    }

    @Test
    void addingAnElementTwiceChangesNothing() {
        HyperLogLog hll = HyperLogLog.create();
        assertThat(hll.add(b("x"), SPARSE_MAX)).isEqualTo(1);
        assertThat(hll.add(b("x"), SPARSE_MAX)).isZero();
    }

    @Test
    void headerChecksRejectWrongMagicEncodingAndDenseSize() {
        assertThat(HyperLogLog.isValid(b("HYLL"))).isFalse();
        assertThat(HyperLogLog.isValid(HexFormat.of().parseHex("48594c4c0200000000000000000000007fff"))).isFalse();
        assertThat(HyperLogLog.isValid(HexFormat.of().parseHex("48594c4c0000000000000000000000007fff"))).isFalse();
        assertThat(HyperLogLog.isValid(HexFormat.of().parseHex("48594c4c0100000000000000000000007fff"))).isTrue();
    }

    @Test
    void corruptSparseRunsAreReportedNotCounted() {
        byte[] corrupt = HexFormat.of().parseHex("48594c4c010000000000000000000080" + "7ffe");
        HyperLogLog hll = HyperLogLog.parse(corrupt);
        assertThat(hll.count()).isEqualTo(-1);
        assertThat(hll.mergeInto(new byte[HyperLogLog.registerCount()])).isFalse();
    }
}
