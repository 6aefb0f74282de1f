package dev.verdict.server.type.listpack;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static dev.verdict.server.type.listpack.RedisVectors.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ListpackTest {

    private static final String[] HASH_ELEMENTS = {
        "f", "v", "small", "127", "neg", "-1", "i13", "4095", "n13", "-4096", "i16", "32767", "n16", "-32768",
        "i24", "8388607", "i32", "2147483647", "i64", "9223372036854775807", "nmin", "-9223372036854775808",
        "notint", "007", "plus", "+1"};

    private static Listpack build(String... elements) {
        Listpack lp = new Listpack();
        for (String e : elements) lp.append(e.getBytes(StandardCharsets.UTF_8));
        return lp;
    }

    private static List<String> elements(Listpack lp) {
        List<String> out = new ArrayList<>();
        for (int p = lp.first(); p != -1; p = lp.next(p)) out.add(new String(lp.get(p), StandardCharsets.UTF_8));
        return out;
    }

    @Test
    void appendingRedisHashFieldsGivesRedisBytesWithEveryIntegerEncoding() {
        assertThat(build(HASH_ELEMENTS).toBytes()).isEqualTo(bytes(RedisVectors.HASH));
    }

    @Test
    void sortedSetScoresAreStoredAsRedisStoresThem() {
        Listpack lp = build("c", "-3", "e", "0.10000000000000001", "a", "1", "b", "2.5", "d", "1e+100", "f", "inf");
        assertThat(lp.toBytes()).isEqualTo(bytes(RedisVectors.ZSET));
    }

    @Test
    void listNodeWithLongStringsUsesTwelveAndThirtyTwoBitLengths() {
        String x100 = "x".repeat(100);
        String x5000 = "x".repeat(5000);
        assertThat(build("a", "1", x100, "-70000", x5000).toBytes()).isEqualTo(bytes(RedisVectors.LIST_NODE));
    }

    @Test
    void redisBlobsDecodeToTheirElementsForwardAndBackward() {
        Listpack lp = Listpack.fromBytes(bytes(RedisVectors.HASH));
        assertThat(elements(lp)).containsExactly(HASH_ELEMENTS);
        List<String> backwards = new ArrayList<>();
        for (int p = lp.last(); p != -1; p = lp.prev(p)) backwards.add(new String(lp.get(p), StandardCharsets.UTF_8));
        assertThat(backwards).hasSize(HASH_ELEMENTS.length).startsWith("+1", "plus", "007");
        assertThat(lp.size()).isEqualTo(HASH_ELEMENTS.length);
    }

    @Test
    void insertDeleteAndReplaceKeepHeaderAndBacklensRight() {
        Listpack lp = build("a", "b", "c");
        int b = lp.seek(1);
        lp.insertBefore(b, "x".repeat(200).getBytes());
        lp.replace(lp.seek(0), "12345".getBytes());
        lp.delete(lp.seek(-1));
        lp.insertAfter(lp.seek(-1), "tail".getBytes());
        assertThat(elements(lp)).containsExactly("12345", "x".repeat(200), "b", "tail");
        assertThat(elements(Listpack.fromBytes(lp.toBytes()))).containsExactly("12345", "x".repeat(200), "b", "tail");
        lp.deleteRange(lp.seek(1), 2);
        assertThat(elements(lp)).containsExactly("12345", "tail");
        assertThat(lp.bytes()).isEqualTo(lp.toBytes().length);
    }

    @Test
    void integerEntriesCompareEqualToTheirCanonicalDecimalOnly() {
        Listpack lp = build("100");
        int p = lp.first();
        assertThat(lp.isInteger(p)).isTrue();
        assertThat(lp.equalsAt(p, "100".getBytes())).isTrue();
        assertThat(lp.equalsAt(p, "0100".getBytes())).isFalse();
        assertThat(lp.find(p, "100".getBytes(), 0)).isEqualTo(p);
    }

    @Test
    void corruptBlobsAreRejected() {
        byte[] blob = bytes(RedisVectors.HASH);
        blob[blob.length - 1] = 0;
        assertThatThrownBy(() -> Listpack.fromBytes(blob)).isInstanceOf(IllegalArgumentException.class);
        byte[] shortBlob = bytes(RedisVectors.HASH);
        shortBlob[0]++;
        assertThatThrownBy(() -> Listpack.fromBytes(shortBlob)).isInstanceOf(IllegalArgumentException.class);
    }
}
